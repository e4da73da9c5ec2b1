using Microsoft.AspNetCore.SignalR;
using Npgsql;

namespace MapDashboard.Server.Live;

/// <summary>/hubs/map: the live contract (PROTOCOL.md). Pushes come from the ChangeFeed, never from here.</summary>
public sealed class MapHub(ChangeFeed feed, NpgsqlDataSource db) : Hub<IMapClient>
{
    public async Task<SubscribeResult> Subscribe(SubscribeRequest request)
    {
        var layers = request.Layers is { Length: > 0 } asked ? asked.ToHashSet(StringComparer.Ordinal) : LiveLayers.All.ToHashSet();
        var unknown = layers.Except(LiveLayers.All).ToList();
        if (unknown.Count > 0)
            throw new HubException($"unknown layer '{unknown[0]}'; layers are {string.Join(", ", LiveLayers.All)}");
        if (request.SinceSeq is < 0)
            throw new HubException($"sinceSeq {request.SinceSeq} must be 0 or more");
        var area = await SubscriptionArea.ResolveAsync(request.Area, db, Context.ConnectionAborted);
        return await feed.SubscribeAsync(Context.ConnectionId, layers, area, request.SinceSeq, Context.ConnectionAborted);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        feed.Unsubscribe(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
