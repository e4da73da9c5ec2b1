namespace MapDashboard.Domain.Patrols;

/// <summary>
/// A route as a planner sent it: a name and a path of [lon, lat] vertices (each
/// position as given, so a short or non-numeric one can be named).
/// </summary>
public sealed record RouteDraft(string? Name, IReadOnlyList<double[]>? Path);
