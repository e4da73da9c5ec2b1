using MapDashboard.Domain.Patrols;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;

namespace MapDashboard.Data.Geometry;

/// <summary>Track pieces as NetTopologySuite geometry: a LineStringM in EPSG:4326, M = epoch seconds.</summary>
public static class TrackGeometry
{
    static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326, PackedCoordinateSequenceFactory.DoubleFactory);

    /// <summary>The vertices packed straight into one array (x, y, m per vertex), no Coordinate objects.</summary>
    public static LineString LineStringM(IReadOnlyList<TrackPing> vertices)
    {
        var packed = new double[vertices.Count * 3];
        for (var i = 0; i < vertices.Count; i++)
        {
            var v = vertices[i];
            packed[3 * i] = v.Lon;
            packed[3 * i + 1] = v.Lat;
            packed[3 * i + 2] = v.T;
        }
        return Wgs84.CreateLineString(new PackedDoubleCoordinateSequence(packed, 3, 1));
    }
}
