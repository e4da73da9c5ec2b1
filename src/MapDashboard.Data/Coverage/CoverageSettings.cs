namespace MapDashboard.Data.Coverage;

/// <summary>What patrol_coverage_setting holds: the radius, the track-splitting rule and the time zone of "a day".</summary>
public sealed record CoverageSettings(double VisitRadiusMetres, double TrackGapSeconds, double TrackMaxSpeedMetresPerSecond, string TimeZone);
