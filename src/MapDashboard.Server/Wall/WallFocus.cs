using MapDashboard.Server.ApiReference;
using MapDashboard.Server.Http;

namespace MapDashboard.Server.Wall;

// GET /api/wall/focus as wall_focus.sql writes it: each of the three may be null (nothing to show).

/// <summary>The three things the duty officer should look at now, each with the box to zoom to.</summary>
[JsonAnswer]
public sealed record WallFocus(FocusOverdue? Overdue, FocusUnclear? Unclear, FocusCoverage? Coverage);

/// <summary>The open incident longest past its stage's time limit.</summary>
[JsonAnswer]
public sealed record FocusOverdue(string Code, string Category, string Stage, DateTimeOffset? StageDueAt, CodeName? Place, double[] Location, double[] Bbox);

/// <summary>The newest finding still to act on.</summary>
[JsonAnswer]
public sealed record FocusUnclear(long Id, string Key, string Kind, DateTimeOffset FirstSeenAt, IReadOnlyList<string>? Units, double? AreaM2, double?[] Bbox);

/// <summary>The patrolled grid least visited in the last 24 hours.</summary>
[JsonAnswer]
public sealed record FocusCoverage(string Code, string Name, string? Status, int Visited, int Total, double Share, double?[] Bbox);
