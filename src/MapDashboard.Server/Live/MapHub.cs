using MapDashboard.Server.Permissions;
using Microsoft.AspNetCore.SignalR;
using Npgsql;

namespace MapDashboard.Server.Live;

/// <summary>
/// /hubs/map: the live contract (PROTOCOL.md). Pushes come from the ChangeFeed, never from here. A subscription
/// is clipped to what the connection's account may see: everything flows, its personal data through the account's
/// lens (masked inside its jurisdiction, absent outside and for the wall display; unmasked on an entitled reveal).
/// </summary>
public sealed class MapHub(ChangeFeed feed, NpgsqlDataSource db, Jurisdiction jurisdiction, Reveals reveals) : Hub<IMapClient>
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
        var viewer = RequestViewer.Of(Context.User);
        var lens = await jurisdiction.LensAsync(viewer, request.Reveal == true, Context.ConnectionAborted);
        if (viewer.IsJudged() && lens.Reveals && layers.Any(PersonalDataFilter.HasPersonalData))
            await reveals.OnReveal(viewer!, $"live subscription {area.Key} [{string.Join(",", layers.Order(StringComparer.Ordinal))}]",
                lens.Root is null ? [] : [lens.Root], Context.ConnectionAborted);
        return await feed.SubscribeAsync(Context.ConnectionId, layers, area, lens, request.SinceSeq, Context.ConnectionAborted);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        feed.Unsubscribe(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
