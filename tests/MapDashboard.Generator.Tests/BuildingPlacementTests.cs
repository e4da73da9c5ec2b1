using MapDashboard.Domain.Projection;
using MapDashboard.Generator.Model;
using MapDashboard.Generator.Tests.Support;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace MapDashboard.Generator.Tests;

/// <summary>Buildings stand inside one grid (unless planted across a boundary), apart from each other and off the roads.</summary>
[Collection(DemoDistrictCollection.Name)]
public class BuildingPlacementTests(DemoDistrictFixture demo)
{
    // A sliver this small is rounding, not a building standing in a grid.
    private const double MinSharedArea = 1.0;

    // Neighbours sharing only an edge intersect in a line: zero area, up to floating-point noise.
    private const double Sliver = 1e-4;

    [Fact]
    public void Buildings_not_planted_as_straddlers_lie_wholly_inside_exactly_one_grid()
    {
        var straddlers = demo.District.Deliberate.StraddlingBuildings.ToHashSet();
        var grids = GridIndex();
        foreach (var building in demo.District.Buildings.Where(b => !straddlers.Contains(b.Code)))
        {
            var near = grids.Query(building.Footprint.EnvelopeInternal);
            var containing = near.Where(g => g.Prepared.Covers(building.Footprint)).ToList();
            // Sharing interior with a grid means intersecting it other than along the boundary alone.
            var touched = near.Count(g => g.Prepared.Intersects(building.Footprint) && !g.Prepared.Touches(building.Footprint));
            Assert.True(containing.Count == 1 && touched == 1, $"{building.Code} is inside {containing.Count} grids and touches {touched}");
        }
    }

    [Fact]
    public void Planted_straddlers_really_cross_a_grid_boundary()
    {
        var straddlers = demo.District.Deliberate.StraddlingBuildings;
        var grids = GridIndex();
        Assert.True(straddlers.Count >= 10, $"only {straddlers.Count} straddlers");
        foreach (var code in straddlers)
        {
            var footprint = demo.District.Buildings.Single(b => b.Code == code).Footprint;
            var pieces = grids.Query(footprint.EnvelopeInternal).Count(g => SharedArea(g.Prepared.Geometry, footprint) > MinSharedArea);
            Assert.True(pieces >= 2, $"{code} lies in {pieces} grid(s)");
        }
    }

    [Fact]
    public void No_two_buildings_overlap()
    {
        var index = new STRtree<Building>();
        foreach (var b in demo.District.Buildings) index.Insert(b.Footprint.EnvelopeInternal, b);
        foreach (var building in demo.District.Buildings)
        {
            var overlapping = index.Query(building.Footprint.EnvelopeInternal)
                .Where(other => other != building && SharedArea(other.Footprint, building.Footprint) > Sliver).Select(o => o.Code).ToList();
            Assert.True(overlapping.Count == 0, $"{building.Code} overlaps {string.Join(", ", overlapping)}");
        }
    }

    [Fact]
    public void No_building_stands_on_a_road()
    {
        var index = new STRtree<Geometry>();
        foreach (var b in demo.District.Buildings) index.Insert(b.Footprint.EnvelopeInternal, b.Footprint);
        foreach (var road in demo.District.Roads)
        {
            // The centre line plus half the narrowest lane (12 m corridor, ~6 m carriageway) must be clear.
            var carriageway = Utm48N.Project(road.Line).Buffer(3);
            var hit = index.Query(road.Line.EnvelopeInternal).Any(f => Utm48N.Project(f).Intersects(carriageway));
            Assert.False(hit, $"a building stands on {road.Name}");
        }
    }

    [Fact]
    public void Every_building_has_a_valid_rounded_footprint_and_an_entrance_at_its_door()
    {
        foreach (var building in demo.District.Buildings)
        {
            Assert.True(building.Footprint.IsValid, $"{building.Code} footprint is invalid");
            Assert.True(building.Footprint.Coordinates.All(c => Rounded(c.X) && Rounded(c.Y)), $"{building.Code} is not rounded to 7 decimals");
            var distance = Utm48N.Project(building.Entrance).Distance(Utm48N.Project(building.Footprint));
            Assert.InRange(distance, 0.5, 3);
        }
    }

    private STRtree<(string Code, IPreparedGeometry Prepared)> GridIndex()
    {
        var index = new STRtree<(string, IPreparedGeometry)>();
        foreach (var grid in demo.OfKind(TerritoryKinds.CommunityGrid, TerritoryKinds.DedicatedGrid))
            index.Insert(grid.Boundary.EnvelopeInternal, (grid.Code, PreparedGeometryFactory.Prepare(grid.Boundary)));
        return index;
    }

    /// <summary>Area two EPSG:4326 geometries share, in m².</summary>
    private static double SharedArea(Geometry a, Geometry b) =>
        a.Intersects(b) ? MetricMeasure.AreaSquareMetres(a.Intersection(b)) : 0;

    private static bool Rounded(double value) => Math.Round(value, 7) == value;
}
