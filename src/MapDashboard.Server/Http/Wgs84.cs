using NetTopologySuite.Geometries;

namespace MapDashboard.Server.Http;

/// <summary>
/// Builds the geometries a request brings (boundaries, routes) as NetTopologySuite values in EPSG:4326, bound as
/// PostGIS geometry parameters: PostGIS parses no request text. Floating precision, so the coordinates stored are
/// exactly the ones sent.
/// </summary>
public static class Wgs84
{
    public static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);
}
