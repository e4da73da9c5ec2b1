using System.Text.Json;
using MapDashboard.Server.ApiReference;
using MapDashboard.Server.Http;

namespace MapDashboard.Server.Incidents;

// The incident answers as incident_detail.sql and incident_list.sql write them (described in the OpenAPI document).

/// <summary>One incident with its whole history (incident_detail.sql): GET /api/incidents/{code} and every step's answer.</summary>
[JsonAnswer]
public sealed record IncidentDetail(
    string Code, IncidentCategory Category, string? Description, double[] Location, string Stage, string Source,
    DateTimeOffset ReportedAt, DateTimeOffset StageEnteredAt, DateTimeOffset? StageDueAt, bool Overdue, string Escalation,
    CodeName? Grid, CodeName? Community, CodeName? Street, CodeNameKind? ResponsibleUnit, IncidentPerson? Worker,
    CodeNameKind? Organisation, string? DuplicateOf, bool OwnershipUnclear, string? OwnershipReason, int? Rating, int Reports,
    string? PhotoUrl, IReadOnlyList<IncidentPhoto> Photos, DateTimeOffset? ClosedAt, IReadOnlyList<IncidentFinding> Findings,
    IncidentCase? CaseOf, IReadOnlyList<IncidentStep> History);

/// <summary>A category by code with its names in both languages.</summary>
[JsonAnswer]
public sealed record IncidentCategory(string Code, string NameZh, string? NameEn);

/// <summary>A person the incident was sent to: code, name (masked unless entitled) and role.</summary>
[JsonAnswer]
public sealed record IncidentPerson(string Code, string? Name, string? Role);

/// <summary>A stored photo of the incident: where to fetch it and its size.</summary>
[JsonAnswer]
public sealed record IncidentPhoto(string Id, string Action, string Url, string ThumbnailUrl, string ContentType, int Width, int Height, DateTimeOffset CreatedAt);

/// <summary>A finding the incident's point falls in (why its owner is unclear).</summary>
[JsonAnswer]
public sealed record IncidentFinding(long Id, string Kind, string Status, double? AreaM2, Worded Explanation);

/// <summary>The finding this incident is the case of.</summary>
[JsonAnswer]
public sealed record IncidentCase(long Id, string Kind, string Status);

/// <summary>One step of the history: a stage change or an event (a code with parameters, worded by the client).</summary>
[JsonAnswer]
public sealed record IncidentStep(string Kind, string? From, string? To, string? Actor, string? Event, JsonElement? Params, string? Note,
    DateTimeOffset At, IncidentPerson? AssignedPerson, CodeName? AssignedOrganisation);

/// <summary>A report's answer (POST /api/incidents): a new incident (201) or the open one it repeats (200).</summary>
[JsonAnswer]
public sealed record IncidentReported(bool Duplicate, string? Notice, IncidentDetail Incident);

/// <summary>An incident in a list (incident_list.sql): no personal data.</summary>
[JsonAnswer]
public sealed record IncidentListItem(string Code, string Category, string Stage, double[] Location, DateTimeOffset ReportedAt,
    DateTimeOffset? StageDueAt, bool Overdue, string Escalation, string? Grid, string? ResponsibleUnit, string? ResponsibleUnitName,
    bool OwnershipUnclear, int Reports, string? Description, IncidentPlace Place);

/// <summary>Where an incident is, in names a leader knows: its grid and the building within 30 m, if any.</summary>
[JsonAnswer]
public sealed record IncidentPlace(CodeName? Grid, IncidentBuilding? Building);

/// <summary>A building near an incident.</summary>
[JsonAnswer]
public sealed record IncidentBuilding(string Code, string? Name, string? Compound);

/// <summary>A line of the wall's feed (incident_feed.sql): an incident reported or moved to a stage, where and when.</summary>
[JsonAnswer]
public sealed record IncidentFeedItem(string Kind, string Code, string Category, string Stage, string? Place, DateTimeOffset At);

/// <summary>GET /api/indicators/{unitCode} (indicators.sql): the unit's incident figures today and over the last 30 days.</summary>
[JsonAnswer]
public sealed record UnitIndicators(CodeNameKind Unit, string TimeZone, int ReportedToday, int Open, int Overdue, IndicatorPeriod Period,
    int Reported30d, int Closed30d, int ClosedOnTime30d, int Rated30d, int Satisfied30d, double? ClosureRate, double? OnTimeClosureRate,
    double? AverageRating, double? SatisfactionRate, PatrolCoverageFigure? PatrolCoverage, IReadOnlyList<CategoryFigures> ByCategory,
    IReadOnlyList<DailyFigures>? Daily);

/// <summary>The 30 days the figures count.</summary>
[JsonAnswer]
public sealed record IndicatorPeriod(int Days, DateOnly From, DateOnly To);

/// <summary>Patrol coverage of the last 24 hours; share null while the history is younger than the window.</summary>
[JsonAnswer]
public sealed record PatrolCoverageFigure(string Window, int? Total, int? Visited, double? Share, double? HistoryHours, bool? Young);

/// <summary>A category's figures in the unit.</summary>
[JsonAnswer]
public sealed record CategoryFigures(string Category, string NameZh, string? NameEn, int Reported30d, int Open, int Overdue);

/// <summary>Incidents reported and closed on one day.</summary>
[JsonAnswer]
public sealed record DailyFigures(DateOnly Date, int Reported, int Closed);

/// <summary>GET /api/incidents/{code}/assignees (incident_assignees.sql): whom the desk may send it to, nearest first.</summary>
[JsonAnswer]
public sealed record AssigneeList(string Incident, CodeName? Grid, IReadOnlyList<AssigneeCandidate> Candidates);

/// <summary>A person or co-building unit the incident may go to: its grid, distance, open tasks, and whether it holds it now.</summary>
[JsonAnswer]
public sealed record AssigneeCandidate(string Kind, CodeName? Person, CodeName? Organisation, CodeName Grid, bool? OwnGrid, int? DistanceM,
    string MeasuredFrom, int OpenTasks, bool Current);
