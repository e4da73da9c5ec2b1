using System.Text.Json;
using MapDashboard.Server.ApiReference;
using MapDashboard.Server.Http;

namespace MapDashboard.Server.Territory;

// GET /api/territory/{code}/overview as unit_overview.sql writes it.

/// <summary>A street's or community's overview: its grids by status, incidents, patrol coverage, findings, workers, open incidents.</summary>
[JsonAnswer]
public sealed record UnitOverview(string Code, string Name, string Kind, CodeNameKind? Parent, double?[] Bbox, GeoJsonGeometry? Geometry,
    OverviewGrids Grids, OverviewIncidents Incidents, OverviewCoverage Coverage, OverviewFindings Findings, OverviewWorkers Workers,
    IReadOnlyList<OverviewIncident> OpenIncidents);

/// <summary>The unit's grids, counted by status, and listed.</summary>
[JsonAnswer]
public sealed record OverviewGrids(int Total, int Red, int Yellow, int Blue, IReadOnlyList<OverviewGrid> List);

/// <summary>A grid of the unit with its status and why.</summary>
[JsonAnswer]
public sealed record OverviewGrid(string Code, string Name, string Kind, string? Status, JsonElement? Reasons);

/// <summary>Open and overdue incidents in the unit.</summary>
[JsonAnswer]
public sealed record OverviewIncidents(int Open, int Overdue);

/// <summary>Patrol coverage today: whether any worker is tracked, the places owed a visit and how many were visited.</summary>
[JsonAnswer]
public sealed record OverviewCoverage(bool? Tracked, int Assets, int Visited, double? Share);

/// <summary>The unit's findings, by kind.</summary>
[JsonAnswer]
public sealed record OverviewFindings(int Total, IReadOnlyList<OverviewKindCount> ByKind);

/// <summary>A kind and how many.</summary>
[JsonAnswer]
public sealed record OverviewKindCount(string Kind, int Count);

/// <summary>The unit's grid workers and how many are on patrol.</summary>
[JsonAnswer]
public sealed record OverviewWorkers(int Total, int OnPatrol);

/// <summary>An open incident of the unit.</summary>
[JsonAnswer]
public sealed record OverviewIncident(string Code, string Category, string? Description, string Stage, DateTimeOffset ReportedAt,
    DateTimeOffset? StageDueAt, bool Overdue, double[] Location, CodeName? Grid, CodeName? Building);
