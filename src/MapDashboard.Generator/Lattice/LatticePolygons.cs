using MapDashboard.Generator.Projection;
using NetTopologySuite.Geometries;

namespace MapDashboard.Generator.Lattice;

/// <summary>Builds EPSG:4326 polygons (rounded node coordinates) for sets of fine cells.</summary>
public static class LatticePolygons
{
    /// <summary>A Polygon for one connected piece, a MultiPolygon for several.</summary>
    public static Geometry Build(DistrictLattice lattice, IReadOnlyCollection<int> cells)
    {
        if (cells.Count == 0) throw new ArgumentException("no cells to outline", nameof(cells));
        var factory = RoundedWgs84.Factory;
        var shells = new List<LinearRing>();
        var holes = new List<LinearRing>();
        foreach (var ring in CellBoundaryTracer.Trace(lattice, cells))
        {
            var coordinates = ring.Select(lattice.LonLatOfNode).Append(lattice.LonLatOfNode(ring[0])).Select(c => c.Copy()).ToArray();
            var linear = factory.CreateLinearRing(coordinates);
            (CellBoundaryTracer.SignedArea2(lattice, ring) > 0 ? shells : holes).Add(linear);
        }

        var polygons = shells.Select(shell =>
        {
            var outline = factory.CreatePolygon(shell);
            var inside = holes.Where(h => outline.Contains(factory.CreatePolygon(h).InteriorPoint)).ToArray();
            return factory.CreatePolygon(shell, inside);
        }).ToArray();
        return polygons.Length == 1 ? polygons[0] : factory.CreateMultiPolygon(polygons);
    }
}
