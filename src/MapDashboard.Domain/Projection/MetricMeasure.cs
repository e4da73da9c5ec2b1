using NetTopologySuite.Geometries;

namespace MapDashboard.Domain.Projection;

/// <summary>
/// Areas and lengths of EPSG:4326 geometries in metric units, measured in UTM 48N.
/// Degrees are not a unit of area: every size the dashboard shows or compares goes through here.
/// </summary>
public static class MetricMeasure
{
    public static double AreaSquareMetres(Geometry wgs84) => Utm48N.Project(wgs84).Area;

    public static double LengthMetres(Geometry wgs84) => Utm48N.Project(wgs84).Length;
}
