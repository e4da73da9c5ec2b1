using MapDashboard.Server.ApiReference;
using MapDashboard.Server.Http;

namespace MapDashboard.Server.Grids;

// GET /api/grids/{code}/coverage as grid_coverage.sql writes it.

/// <summary>A grid's patrol coverage in a window: the area and places covered, what is still unvisited or due again, who walked.</summary>
[JsonAnswer]
public sealed record GridCoverage(string Grid, string Window, DateTimeOffset From, DateTimeOffset To, double RadiusMetres, double? AreaShare,
    double? VisitShare, GeoJsonGeometry? Covered, VisitCount Buildings, VisitCount Hazards, IReadOnlyList<VisitedPlace> Visited,
    IReadOnlyList<UnvisitedPlace> Unvisited, IReadOnlyList<RevisitDue> RevisitDue, IReadOnlyList<CoverageWorker> Workers);

/// <summary>How many of a kind of place there are and how many were visited.</summary>
[JsonAnswer]
public sealed record VisitCount(int Total, int Visited);

/// <summary>A place visited in the window, and when last.</summary>
[JsonAnswer]
public sealed record VisitedPlace(string Kind, string Code, string? Name, DateTimeOffset LastVisitedAt);

/// <summary>A place not visited in the window.</summary>
[JsonAnswer]
public sealed record UnvisitedPlace(string Kind, string Code, string? Name, double Lon, double Lat);

/// <summary>A hazard whose revisit is due.</summary>
[JsonAnswer]
public sealed record RevisitDue(string Code, string? Name, DateTimeOffset? DueAt, DateTimeOffset? LastVisitedAt, double Lon, double Lat);

/// <summary>A worker who walked in the grid: metres and minutes in it, and in all.</summary>
[JsonAnswer]
public sealed record CoverageWorker(string Code, string? Name, double MetresInGrid, double MinutesInGrid, double Metres, double MinutesTotal);
