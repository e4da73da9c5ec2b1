using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace MapDashboard.Data.Geometry;

/// <summary>
/// The one crossing between NetTopologySuite and PostGIS. Npgsql.NetTopologySuite
/// cannot be restored here, so geometry travels as EWKB (WKB with the SRID):
/// written with ST_GeomFromEWKB(@g) and read from ST_AsEWKB(geom).
/// </summary>
public static class Ewkb
{
    static readonly NtsGeometryServices Services = new(new PrecisionModel(), 4326);

    public static byte[] Write(NetTopologySuite.Geometries.Geometry geometry)
    {
        if (geometry.SRID <= 0)
            throw new ArgumentException("geometry has no SRID; MapDashboard stores EPSG:4326", nameof(geometry));
        return new WKBWriter(ByteOrder.LittleEndian, handleSRID: true, emitZ: false, emitM: false).Write(geometry);
    }

    public static NetTopologySuite.Geometries.Geometry Read(byte[] ewkb) =>
        new WKBReader(Services) { HandleSRID = true }.Read(ewkb);
}
