namespace MapDashboard.Data.Incidents;

/// <summary>
/// A report at a point that no street covers, so there is nobody to route it to. The validators refuse such
/// points first (they check against the streets' union); this is what intake says when they could not — a
/// validator built before a boundary edit, a caller that skipped them — and the door answers it as a 422.
/// </summary>
public sealed class ReportNotRoutableException(double lon, double lat)
    : Exception($"({lon:F6}, {lat:F6}) lies in no street of the district: a report must be routed to a street")
{
    public double Longitude { get; } = lon;
    public double Latitude { get; } = lat;
}
