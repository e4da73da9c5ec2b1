namespace MapDashboard.Domain.Incidents;

/// <summary>A report as it arrives from either door (REST or Open311), before anything is checked.</summary>
public sealed record IncidentReport(
    string? Category,
    double? Latitude,
    double? Longitude,
    string? Description,
    string? PhotoUrl,
    string? Contact);

/// <summary>One thing wrong with a report: the field (as the door that received it names it) and what is wrong.</summary>
public sealed record ReportProblem(string Field, string Message);
