using MapDashboard.Domain.Projection;

namespace MapDashboard.Domain.Patrols;

/// <summary>A ping that passed <see cref="PingValidator"/>, its worker resolved to an id.</summary>
public sealed record ValidPing(int WorkerId, DateTimeOffset RecordedAt, double Lon, double Lat, double? Accuracy)
{
    public TrackPoint ToTrackPoint(MetricFrame frame) => TrackPoint.FromLonLat(frame, RecordedAt, Lon, Lat, Accuracy);
}
