using MapDashboard.Server.ApiReference;

namespace MapDashboard.Server.Patrols;

/// <summary>A grid worker and their newest trusted position (workers_snapshot.sql); never pinged: no position.</summary>
[JsonAnswer]
public sealed record WorkerPosition(string Code, string? Name, string? Grid, string? Unit, double? Lon, double? Lat, DateTimeOffset? RecordedAt,
    double? AgeSeconds, double? Accuracy);

/// <summary>A worker's walked track in the asked period (tracks.sql): the feature's properties; its geometry is the walked line.</summary>
[JsonAnswer]
public sealed record TrackProperties(string Worker, string? WorkerName, string? Unit, string? Grid, double Metres, DateTimeOffset From, DateTimeOffset To, long Pings);
