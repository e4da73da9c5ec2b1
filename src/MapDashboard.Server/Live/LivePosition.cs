using MapDashboard.Server.ApiReference;

namespace MapDashboard.Server.Live;

/// <summary>GET /api/live/position: the change log's newest sequence number (subscribe with it as sinceSeq), how far it was pruned, the protocol's version.</summary>
[JsonAnswer]
public sealed record LivePosition(long Seq, long PrunedThrough, int Protocol);
