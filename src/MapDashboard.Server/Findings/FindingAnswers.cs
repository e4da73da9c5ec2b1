using System.Text.Json;
using MapDashboard.Server.ApiReference;
using MapDashboard.Server.Http;

namespace MapDashboard.Server.Findings;

// The finding answers as finding_feature() (schema 26_finding_feature.sql), finding_one.sql and findings_list.sql write them.

/// <summary>A finding's properties (finding_feature): what is wrong, where, its explanation and its state.</summary>
[JsonAnswer]
public sealed record FindingProperties(string Code, string Key, string Kind, string Status, double? AreaM2, double? LengthM,
    IReadOnlyList<string>? Units, IReadOnlyList<string>? Organisations, FindingAsset? Asset, IReadOnlyDictionary<string, string> Names,
    CodeNameKind? DefaultOwner, string? Community, string? Street, JsonElement? SuggestedFix, JsonElement? Detail, Worded Explanation,
    string? Assignee, string? CaseIncidentCode, bool Present, DateTimeOffset FirstSeenAt, DateTimeOffset UpdatedAt);

/// <summary>The building or hazard a finding is about.</summary>
[JsonAnswer]
public sealed record FindingAsset(string Kind, string Code, string? Name, string? Category);

/// <summary>One finding with its history (finding_one.sql): GET /api/findings/{id} and every move's answer.</summary>
[JsonAnswer]
public sealed record FindingDetail(string Type, long Id, GeoJsonGeometry? Geometry, FindingProperties Properties, IReadOnlyList<FindingStep> History);

/// <summary>One step of a finding's history: a status change or an event.</summary>
[JsonAnswer]
public sealed record FindingStep(string? From, string? To, string? Actor, string? Event, JsonElement? Params, string? Note, DateTimeOffset At);

/// <summary>POST /api/findings/recompute: done, and how long it took.</summary>
[JsonAnswer]
public sealed record RecomputeDone(bool Recomputed, int Milliseconds);

/// <summary>The findings' noise settings (settings_get.sql): the smallest area and width that count, the hazard and identity tolerances.</summary>
[JsonAnswer]
public sealed record FindingSettings(double MinAreaM2, double MinWidthM, double HazardBoundaryToleranceM, double IdentitySnapM);

/// <summary>GET /api/findings/indicators: findings per street and community today and each of the last days.</summary>
[JsonAnswer]
public sealed record FindingIndicators(int Days, IReadOnlyList<FindingUnitIndicators> Units);

/// <summary>A unit's findings today (count, area, by kind) and its daily series (null where no day was recorded).</summary>
[JsonAnswer]
public sealed record FindingUnitIndicators(string Code, string Name, string Kind, long Count, double AreaM2, IReadOnlyDictionary<string, long> ByKind,
    IReadOnlyList<FindingDay> Series);

/// <summary>One day of a unit's findings.</summary>
[JsonAnswer]
public sealed record FindingDay(DateOnly Day, long? Count, double? AreaM2);
