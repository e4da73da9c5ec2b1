using MapDashboard.Domain.Projection;

namespace MapDashboard.Domain.Patrols;

/// <summary>A position in time in the district's metric frame (speeds are metres per second, never degrees).</summary>
public sealed record TrackPoint(DateTimeOffset At, double X, double Y, double AccuracyMetres)
{
    public static TrackPoint FromLonLat(MetricFrame frame, DateTimeOffset at, double lon, double lat, double? accuracyMetres)
    {
        var (x, y) = frame.FromLonLat(lon, lat);
        return new(at, x, y, accuracyMetres ?? 0);
    }

    public double MetresTo(TrackPoint other) => Math.Sqrt((X - other.X) * (X - other.X) + (Y - other.Y) * (Y - other.Y));
}
