using MapDashboard.Domain.Projection;
using MapDashboard.Generator.Lattice;
using NetTopologySuite.Geometries;

namespace MapDashboard.Generator.Tests.Lattice;

public class LatticePolygonsTests
{
    // A 3 × 3 super-cell lattice (6 × 6 fine cells) of 10 m squares near Lanzhou.
    private static readonly DistrictLattice Squares = new(3, 3, (i, j) => (392000 + 10.0 * i, 3990000 + 10.0 * j),
        new RoadClass[3], new RoadClass[3]);

    [Fact]
    public void Two_cells_touching_at_a_corner_become_two_valid_polygons()
    {
        var outline = LatticePolygons.Build(Squares, [Squares.CellId(0, 0), Squares.CellId(1, 1)]);

        Assert.IsType<MultiPolygon>(outline);
        Assert.Equal(2, outline.NumGeometries);
        Assert.True(outline.IsValid);
    }

    [Fact]
    public void A_ring_of_cells_becomes_a_polygon_with_a_hole()
    {
        var ring = Cells(0, 0, 3, 3).Where(c => c != Squares.CellId(1, 1)).ToList();

        var outline = Assert.IsType<Polygon>(LatticePolygons.Build(Squares, ring));

        Assert.Equal(1, outline.NumInteriorRings);
        Assert.True(outline.IsValid);
        Assert.InRange(MetricMeasure.AreaSquareMetres(outline), 799, 801);
    }

    [Fact]
    public void A_straight_edge_keeps_every_lattice_node_so_neighbours_share_vertices()
    {
        var west = LatticePolygons.Build(Squares, Cells(0, 0, 2, 4));
        var east = LatticePolygons.Build(Squares, Cells(2, 0, 2, 4));

        // The shared edge runs through 5 nodes; both outlines carry all of them, with identical coordinates.
        var shared = west.Coordinates.Distinct().Intersect(east.Coordinates.Distinct()).ToList();
        Assert.Equal(5, shared.Count);
        Assert.Equal(0, west.Intersection(east).Area);
        Assert.Equal(west.Area + east.Area, west.Union(east).Area, 12);
    }

    [Fact]
    public void Shells_are_counter_clockwise_as_RFC_7946_asks()
    {
        var outline = (Polygon)LatticePolygons.Build(Squares, Cells(0, 0, 2, 2));

        Assert.True(NetTopologySuite.Algorithm.Orientation.IsCCW(outline.ExteriorRing.CoordinateSequence));
    }

    private static List<int> Cells(int i0, int j0, int width, int height) =>
        (from j in Enumerable.Range(j0, height) from i in Enumerable.Range(i0, width) select Squares.CellId(i, j)).ToList();
}
