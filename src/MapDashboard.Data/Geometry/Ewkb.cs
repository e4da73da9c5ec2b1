using System.Buffers.Binary;
using MapDashboard.Domain.Patrols;

namespace MapDashboard.Data.Geometry;

/// <summary>
/// The one hand-written geometry crossing left: track pieces for patrol_store_hours (migration 0020), whose
/// piece_paths parameter is bytea[] of EWKB. Everything else crosses as NetTopologySuite values
/// (<see cref="DashboardDataSource"/>). Kept because the library's path to this function is not the same work:
/// bound as geometry[] (<see cref="TrackGeometry.LineStringM"/>) the pieces must be cast back to bytea[] in the call
/// (PostGIS parses each piece, writes it out as EWKB, and the function parses it again), unless the function's
/// signature changes to geometry[] (left to the schema move). `bench geometry` measures the three side by side; its
/// smoke run (10 worker-hours × 50 pings, 2 rounds, on a loaded machine — not a measurement) gave a whole store of
/// 7.2 ms hand-written, 9.4 ms NTS cast to bytea[], 4.7 ms NTS into a geometry[] copy of the function. Switch when
/// the default run (100 worker-hours × 720 pings) shows the NTS path not slower beyond noise.
/// </summary>
public static class Ewkb
{
    /// <summary>
    /// A track piece as an EWKB LineStringM in EPSG:4326 (M = epoch seconds), written straight from its vertices:
    /// a city-day is ~13,000 of them of ~700 vertices.
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
