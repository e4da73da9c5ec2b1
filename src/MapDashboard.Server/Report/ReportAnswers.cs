using System.Text.Json;
using MapDashboard.Server.ApiReference;
using MapDashboard.Server.Config;
using MapDashboard.Server.Http;
using MapDashboard.Server.Incidents;

namespace MapDashboard.Server.Report;

// The resident's door: what report_form.sql, tracking.sql and the handlers answer.

/// <summary>GET /api/report/form: where the district is, the categories a resident may pick, the time zone and the base map.</summary>
[JsonAnswer]
public sealed record ReportFormAnswer(string TimeZone, BaseLayerAnswer BaseLayer, IReadOnlyList<PublicTileLayer> BaseTiles,
    double[]? Center = null, double[]? Extent = null, GeoJsonGeometry? Outline = null, IReadOnlyList<IncidentCategory>? Categories = null);

/// <summary>A layer of /tiles/public the form's map draws.</summary>
[JsonAnswer]
public sealed record PublicTileLayer(string Name, int MinZoom, int MaxZoom, bool Tiles, bool Live, IReadOnlyList<string> Properties, IReadOnlyList<string> PersonalData);

/// <summary>POST /api/report: the incident's code, whether it joined an open one, and the tracking link (shown once).</summary>
[JsonAnswer]
public sealed record ResidentReported(string Code, bool Duplicate, string? Token, string TrackingUrl, int Photos);

/// <summary>GET /api/report/track/{token}: the reported incident as its resident sees it (tracking.sql), no personal data.</summary>
[JsonAnswer]
public sealed record TrackedIncident(string Code, IncidentCategory Category, string? Description, double[] Location, string Stage,
    DateTimeOffset ReportedAt, DateTimeOffset StageEnteredAt, DateTimeOffset? ClosedAt, int? Rating, bool CanRate,
    IReadOnlyList<TrackedPhoto> Photos, IReadOnlyList<TrackedStep> History, string TimeZone);

/// <summary>A photo of the report or of the fix.</summary>
[JsonAnswer]
public sealed record TrackedPhoto(string Id, string Action, int Width, int Height);

/// <summary>A step of the incident, without who took it.</summary>
[JsonAnswer]
public sealed record TrackedStep(string Kind, string? From, string? To, string? Event, JsonElement? Params, DateTimeOffset At);

/// <summary>POST /api/report/track/{token}/rating: the incident's stage after the rating, and whether a low rating reopened it.</summary>
[JsonAnswer]
public sealed record ResidentRated(string Stage, bool Reopened);

/// <summary>The report form as the OpenAPI document describes it (read field by field, to answer each fault in the resident's language).</summary>
public sealed record ResidentReportForm(string Description, double Lat, double Lon, string? Category, IReadOnlyList<IFormFile>? Photo);
