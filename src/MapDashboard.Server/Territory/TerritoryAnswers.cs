using System.Text.Json;
using MapDashboard.Server.ApiReference;

namespace MapDashboard.Server.Territory;

// The territory answers as territory_tree.sql and territory_unit.sql write them.

/// <summary>A unit of the navigator (territory_tree.sql): district, street, community or grid, with its bounding box.</summary>
[JsonAnswer]
public sealed record TerritoryTreeUnit(string Code, string Name, string Kind, string? ParentCode, string? Status, JsonElement? Reasons, double?[] Bbox);

/// <summary>One unit's properties (territory_unit.sql); its boundary is the feature's geometry.</summary>
[JsonAnswer]
public sealed record TerritoryUnitProperties(string Code, string Name, string Kind, string? ParentCode, string? Status, double?[] Bbox);

/// <summary>PUT /api/territory/{code}/boundary: saved or only tried (dryRun), and the findings it creates, removes and changes.</summary>
[JsonAnswer]
public sealed record BoundaryAnswer(string Code, bool DryRun, bool Saved, BoundaryFindings Findings);

/// <summary>What a boundary change does to the findings (findings_diff.sql).</summary>
[JsonAnswer]
public sealed record BoundaryFindings(IReadOnlyList<BoundaryFinding> Created, IReadOnlyList<BoundaryFinding> Removed, IReadOnlyList<BoundaryFinding> Changed);

/// <summary>A finding a boundary change touches.</summary>
[JsonAnswer]
public sealed record BoundaryFinding(long Id, string Key, string Kind, double? AreaM2, IReadOnlyList<string>? Units, Http.Worded Explanation);

/// <summary>
/// A hit of the search box (territory_search.sql): "match" says what was found — unit, person, building, compound,
/// incident or finding — and which of the other properties it has; every hit has a code and a bounding box.
/// </summary>
[JsonAnswer]
public sealed record SearchHit(string Match, string Code, double?[] Bbox, string? Name = null, string? Kind = null, string? ParentCode = null,
    string? Status = null, string? Role = null, string? Unit = null, Http.CodeName? Person = null, Http.CodeName? Grid = null,
    double[]? Position = null, string? Compound = null, int? Buildings = null, string? Category = null, string? Stage = null,
    string? Description = null, bool? Overdue = null, long? Id = null, IReadOnlyList<string>? Units = null);
