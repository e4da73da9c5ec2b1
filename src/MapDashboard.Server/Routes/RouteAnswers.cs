using MapDashboard.Server.ApiReference;
using MapDashboard.Server.Http;

namespace MapDashboard.Server.Routes;

// The route answers as route_feature() (schema 30_patrol_routes.sql), route_analysis.sql and route_comparison.sql write them.

/// <summary>A saved route's properties: its name, day, grid, worker and length.</summary>
[JsonAnswer]
public sealed record RouteProperties(string Name, DateOnly? PlannedFor, string? Grid, string? Worker, string? WorkerName, double? Metres);

/// <summary>POST /api/routes/analysis: a drawn line's length, walk, what it covers in its grid, what it passes and misses.</summary>
[JsonAnswer]
public sealed record RouteAnalysis(double Metres, double WalkingMinutes, double RadiusMetres, string? Grid, double? AreaShare,
    GeoJsonGeometry? Covered, IReadOnlyList<RoutePlace> Passes, IReadOnlyList<RouteMiss> Misses);

/// <summary>A building or hazard the line passes.</summary>
[JsonAnswer]
public sealed record RoutePlace(string Kind, string Code, string? Name);

/// <summary>A building or hazard of the grid the line misses, with where it is and whether a visit is owed today.</summary>
[JsonAnswer]
public sealed record RouteMiss(string Kind, string Code, string? Name, double Lon, double Lat, bool? Owed);

/// <summary>GET /api/routes/{id}/comparison: the route planned against what its worker walked that day.</summary>
[JsonAnswer]
public sealed record RouteComparison(long Route, DateOnly Date, string? Worker, double RadiusMetres, DateTimeOffset? AssignedAt,
    DateTimeOffset From, DateTimeOffset To, double RouteMetres, double FollowedMetres, double? FollowedShare, IReadOnlyList<RouteStop> Stops,
    int Skipped, GeoJsonGeometry? Walked, GeoJsonGeometry? Followed, GeoJsonGeometry? Missed);

/// <summary>A stop along the route, visited or not.</summary>
[JsonAnswer]
public sealed record RouteStop(string Kind, string Code, string? Name, bool Visited, DateTimeOffset? VisitedAt);
