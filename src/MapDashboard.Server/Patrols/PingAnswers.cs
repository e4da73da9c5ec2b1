using MapDashboard.Data.Patrols;
using MapDashboard.Server.ApiReference;

namespace MapDashboard.Server.Patrols;

/// <summary>POST /api/patrols/pings: how many were stored, how many were already there, and the ones stored but flagged (with why).</summary>
[JsonAnswer]
public sealed record PingsStored(int Stored, int Duplicates, IReadOnlyList<PingIngest.FlaggedPing> Flagged);

/// <summary>The body as the OpenAPI document describes it (PingBatchReader reads it field by field, to name each fault).</summary>
public sealed record PingBatchBody(IReadOnlyList<PingBody> Pings);

/// <summary>One GPS ping: whose, when (ISO 8601 with offset), where (EPSG:4326) and how accurate (metres).</summary>
public sealed record PingBody(string Worker, DateTimeOffset RecordedAt, double Lon, double Lat, double? Accuracy);
