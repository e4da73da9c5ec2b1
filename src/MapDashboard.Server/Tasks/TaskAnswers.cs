using MapDashboard.Server.ApiReference;
using MapDashboard.Server.Http;
using MapDashboard.Server.Incidents;

namespace MapDashboard.Server.Tasks;

/// <summary>One of my tasks (my_tasks.sql): an incident sent to the signed-in worker.</summary>
[JsonAnswer]
public sealed record MyTask(string Code, IncidentCategory Category, string? Description, string Stage, double[] Location, DateTimeOffset ReportedAt,
    DateTimeOffset? StageDueAt, bool Overdue, CodeName? Grid);
