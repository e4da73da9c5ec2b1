using MapDashboard.Domain.Patrols;
using MapDashboard.Server.Options;
using Microsoft.Extensions.Options;

namespace MapDashboard.Server.Coverage;

/// <summary>"Now" and the local day, in the time zone whose midnight starts the "today" window (Incidents:TimeZone).</summary>
public sealed class CoverageClock(IOptions<IncidentOptions> incidents)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(incidents.Value.TimeZone);

    public CoverageWindow? Window(string? name) => CoverageWindow.Parse(name, DateTimeOffset.UtcNow, Zone);

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Zone).Date);
}
