using NetTopologySuite.Geometries;

namespace MapDashboard.Domain.Projection;

/// <summary>
/// UTM zone 48N (EPSG:32648): the frame the generator builds its demo district in, around Lanzhou (~103.8°E). Only
/// the generator and its tests use it; the dashboard measures in the district's own frame (<see cref="MetricFrame"/>,
/// as metric_srid() decides it in the database).
/// </summary>
public static class Utm48N
{
    public const int Srid = 32648;
    public const int Wgs84Srid = MetricFrame.Wgs84Srid;

    static readonly MetricFrame Frame = MetricFrame.ForSrid(Srid);

    /// <summary>Longitude/latitude in degrees to UTM 48N easting/northing in metres.</summary>
    public static (double X, double Y) FromLonLat(double lon, double lat) => Frame.FromLonLat(lon, lat);

    /// <summary>UTM 48N easting/northing in metres to longitude/latitude in degrees.</summary>
    public static (double Lon, double Lat) ToLonLat(double x, double y) => Frame.ToLonLat(x, y);

    /// <summary>A copy of an EPSG:4326 geometry in UTM 48N metres (SRID 32648).</summary>
    public static Geometry Project(Geometry wgs84) => Frame.Project(wgs84);

    /// <summary>A copy of a UTM 48N geometry in EPSG:4326 degrees (SRID 4326).</summary>
    public static Geometry Unproject(Geometry utm) => Frame.Unproject(utm);
}
