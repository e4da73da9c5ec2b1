using MapDashboard.Server.ApiReference;

namespace MapDashboard.Server.Grids;

/// <summary>POST /api/grids/{code}/route-suggestion: a walk through what is due, nearest first, from the start point.</summary>
[JsonAnswer]
public sealed record RouteSuggestion(bool AllVisited, string Window, SuggestedPath? Path, IReadOnlyList<SuggestedStop> Stops, double Metres,
    double WalkingMinutes, double[] Start);

/// <summary>The suggested walk as a GeoJSON LineString (none when nothing is due).</summary>
[JsonAnswer]
public sealed record SuggestedPath(string Type, double[][] Coordinates);

/// <summary>A place to visit: a building or hazard.</summary>
[JsonAnswer]
public sealed record SuggestedStop(string Kind, string Code, string? Name, double Lon, double Lat);
