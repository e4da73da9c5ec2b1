using NetTopologySuite.Geometries;

namespace MapDashboard.Domain.Projection;

/// <summary>
/// Areas and lengths of EPSG:4326 geometries in metric units, measured in the frame given, else in the UTM zone of
/// the geometry's centre (the zone the database would pick for a district there).
/// Degrees are not a unit of area: every size the dashboard shows or compares goes through here.
/// </summary>
public static class MetricMeasure
{
    public static double AreaSquareMetres(Geometry wgs84, MetricFrame? frame = null) => wgs84.IsEmpty ? 0 : FrameOf(wgs84, frame).Project(wgs84).Area;

    public static double LengthMetres(Geometry wgs84, MetricFrame? frame = null) => wgs84.IsEmpty ? 0 : FrameOf(wgs84, frame).Project(wgs84).Length;

    static MetricFrame FrameOf(Geometry wgs84, MetricFrame? frame)
    {
        if (frame is not null) return frame;
        var centre = wgs84.EnvelopeInternal.Centre;
        return MetricFrame.AtLocation(centre.X, centre.Y);
    }
}
