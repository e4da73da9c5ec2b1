using MapDashboard.Domain.Projection;

namespace MapDashboard.Domain.Patrols;

/// <summary>A position in time in UTM 48N metres (speeds are metres per second, never degrees).</summary>
public sealed record TrackPoint(DateTimeOffset At, double X, double Y, double AccuracyMetres)
{
    public static TrackPoint FromLonLat(DateTimeOffset at, double lon, double lat, double? accuracyMetres)
    {
        var (x, y) = Utm48N.FromLonLat(lon, lat);
        return new(at, x, y, accuracyMetres ?? 0);
    }

    public double MetresTo(TrackPoint other) => Math.Sqrt((X - other.X) * (X - other.X) + (Y - other.Y) * (Y - other.Y));
}
