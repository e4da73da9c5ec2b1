using System.Text.Json;
using MapDashboard.Server.Layers;

namespace MapDashboard.Server.Live;

// The live contract of /hubs/map (PROTOCOL.md beside this file). Version 2.

/// <summary>client → server: what to watch and from where; reveal: personal data unmasked, for an account entitled to it (audited).</summary>
public sealed record SubscribeRequest(string[]? Layers, AreaSpec? Area, long? SinceSeq, bool? Reveal = null);

/// <summary>kind: district | street | community | grid (id = code) or bbox ([minLon, minLat, maxLon, maxLat]).</summary>
public sealed record AreaSpec(string? Kind, string? Id, double[]? Bbox);

/// <summary>Answer of Subscribe: the feed position the client is now live from.</summary>
public sealed record SubscribeResult(int Protocol, long Seq, int Replayed, bool Resync);

/// <summary>server → client: changes in seq order; every change with seq in (fromSeq, toSeq] that concerns this client is in items.</summary>
public sealed record ChangeBatch(long FromSeq, long ToSeq, IReadOnlyList<ChangeItem> Items);

/// <summary>op: upsert | delete. feature: a GeoJSON Feature in EPSG:4326, null for a delete.</summary>
public sealed record ChangeItem(long Seq, string Layer, long Id, string Op, JsonElement? Feature);

/// <summary>server → client: the latest position of each worker that moved, coalesced; not part of the seq stream.</summary>
public sealed record PositionBatch(long ToSeq, IReadOnlyList<ChangeItem> Items);

/// <summary>server → client: the log no longer reaches back to sinceSeq; reload the snapshot and subscribe again.</summary>
public sealed record ResyncNotice(string Reason, long Seq);

/// <summary>server → client: everything up to seq that concerns this client has been sent.</summary>
public sealed record Heartbeat(long Seq);

public interface IMapClient
{
    Task Changes(ChangeBatch batch);
    Task Positions(PositionBatch batch);
    Task Resync(ResyncNotice notice);
    Task Heartbeat(Heartbeat heartbeat);
}

/// <summary>The layers the hub streams: those the <see cref="LayerCatalog"/> declares live.</summary>
public static class LiveLayers
{
    public const string Workers = "workers";

    public static readonly string[] All = LayerCatalog.Streamed.Select(l => l.Name).ToArray();

    public const int ProtocolVersion = 2;
}
