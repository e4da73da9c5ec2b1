using System.Buffers.Binary;
using MapDashboard.Domain.Patrols;
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

    /// <summary>
    /// A track piece as an EWKB LineStringM in EPSG:4326 (M = epoch seconds), written straight from its vertices:
    /// a city-day is ~13,000 of them of ~700 vertices, not worth an NTS geometry each.
    /// </summary>
    public static byte[] WriteLineStringM(IReadOnlyList<TrackPing> vertices)
    {
        const uint LineString = 2, HasM = 0x40000000, HasSrid = 0x20000000;
        var bytes = new byte[1 + 4 + 4 + 4 + vertices.Count * 24];
        var span = bytes.AsSpan();
        span[0] = 1; // little-endian
        BinaryPrimitives.WriteUInt32LittleEndian(span[1..], LineString | HasM | HasSrid);
        BinaryPrimitives.WriteInt32LittleEndian(span[5..], 4326);
        BinaryPrimitives.WriteInt32LittleEndian(span[9..], vertices.Count);
        var at = 13;
        foreach (var v in vertices)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(span[at..], v.Lon);
            BinaryPrimitives.WriteDoubleLittleEndian(span[(at + 8)..], v.Lat);
            BinaryPrimitives.WriteDoubleLittleEndian(span[(at + 16)..], v.T);
            at += 24;
        }
        return bytes;
    }
}
