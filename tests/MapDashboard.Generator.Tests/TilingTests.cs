using MapDashboard.Generator.Model;
using MapDashboard.Generator.Tests.Support;

namespace MapDashboard.Generator.Tests;

/// <summary>
/// Children tile their parent exactly, except for the gaps and overlaps the manifest lists: the uncovered and
/// double-covered land, measured in UTM metres, matches the manifest's area_m2 to 1%, and is zero everywhere else.
/// </summary>
[Collection(DemoDistrictCollection.Name)]
public class TilingTests(DemoDistrictFixture demo)
{
    // Shared edges have identical coordinates, so a clean tiling measures zero up to floating-point noise.
    private const double CleanTolerance = 0.01;

    public static TheoryData<string, string[]> Levels => new()
    {
        { TerritoryKinds.District, [TerritoryKinds.Street] },
        { TerritoryKinds.Street, [TerritoryKinds.Community] },
        { TerritoryKinds.Community, [TerritoryKinds.CommunityGrid, TerritoryKinds.DedicatedGrid] },
        { TerritoryKinds.CommunityGrid, [TerritoryKinds.MicroGrid] },
        { TerritoryKinds.DedicatedGrid, [TerritoryKinds.MicroGrid] },
        { TerritoryKinds.District, [TerritoryKinds.PoliceGrid] },
    };

    [Theory]
    [MemberData(nameof(Levels))]
    public void Children_leave_uncovered_only_the_planted_gaps(string parentKind, string[] childKinds)
    {
        foreach (var parent in demo.OfKind(parentKind))
        {
            var coverage = CoverageOf(parent, childKinds);
            var planted = demo.District.Deliberate.Gaps
                .Where(g => g.ParentCode == parent.Code && g.NearCodes.All(c => childKinds.Contains(demo.UnitsByCode[c].Kind)))
                .Sum(g => g.AreaM2);
            AssertArea(planted, coverage.Uncovered, $"uncovered land in {parent.Code} {parent.Name}");
            Assert.True(coverage.Outside < CleanTolerance, $"children of {parent.Code} reach {coverage.Outside} m² outside it");
        }
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public void Children_cover_twice_only_the_planted_overlaps(string parentKind, string[] childKinds)
    {
        foreach (var parent in demo.OfKind(parentKind))
        {
            var children = demo.ChildrenOf(parent.Code, childKinds).Select(c => c.Code).ToHashSet();
            var planted = demo.District.Deliberate.Overlaps.Where(o => o.Codes.All(children.Contains)).Sum(o => o.AreaM2);
            AssertArea(planted, CoverageOf(parent, childKinds).DoubleCovered, $"double-covered land in {parent.Code} {parent.Name}");
        }
    }

    [Fact]
    public void The_planted_trouble_is_what_the_brief_asks_for()
    {
        var deliberate = demo.District.Deliberate;
        var gridGaps = deliberate.Gaps.Where(g => demo.UnitsByCode[g.ParentCode].Kind == TerritoryKinds.Community).ToList();

        Assert.True(gridGaps.Count >= 3, $"{gridGaps.Count} gaps between grids");
        Assert.True(deliberate.Overlaps.Count >= 3, $"{deliberate.Overlaps.Count} overlaps between grids");
        Assert.Contains(deliberate.Gaps, g => g.ParentCode == demo.District.Territory[0].Code);
        foreach (var overlap in deliberate.Overlaps)
        {
            var kinds = overlap.Codes.Select(c => demo.UnitsByCode[c].Kind).Distinct().ToList();
            Assert.Single(kinds);
            Assert.Equal(demo.UnitsByCode[overlap.Codes[0]].ParentCode, demo.UnitsByCode[overlap.Codes[1]].ParentCode);
        }
    }

    [Fact]
    public void Every_planted_gap_and_overlap_is_a_strip_at_least_8_metres_wide_where_the_manifest_says()
    {
        var deliberate = demo.District.Deliberate;
        foreach (var gap in deliberate.Gaps.Where(g => demo.UnitsByCode[g.ParentCode].Kind == TerritoryKinds.Community))
        {
            var childKinds = gap.NearCodes.Select(c => demo.UnitsByCode[c].Kind).Distinct().ToArray();
            var land = CoverageOf(demo.UnitsByCode[gap.ParentCode], childKinds).UncoveredLand;
            AssertStripNear(land, gap.Centroid, $"gap in {gap.ParentCode}");
        }
        foreach (var overlap in deliberate.Overlaps)
            AssertStripNear(demo.Utm(overlap.Codes[0]).Intersection(demo.Utm(overlap.Codes[1])), overlap.Centroid, $"overlap of {string.Join("/", overlap.Codes)}");
    }

    private static void AssertStripNear(NetTopologySuite.Geometries.Geometry land, double[] centroid, string what)
    {
        var point = Domain.Projection.Utm48N.Project(Projection.RoundedWgs84.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(centroid[0], centroid[1])));
        var piece = Enumerable.Range(0, land.NumGeometries).Select(land.GetGeometryN).OrderBy(g => g.Distance(point)).First();
        // For a long thin rectangle, area / half the perimeter is its width.
        var width = piece.Area / (piece.Length / 2);
        Assert.True(piece.Distance(point) < 1, $"{what}: centroid {piece.Distance(point):F1} m from the land");
        Assert.InRange(width, 7.5, 25);
    }

    private Coverage CoverageOf(TerritoryUnit parent, string[] childKinds) =>
        Coverage.Of(demo.Utm(parent.Code), demo.ChildrenOf(parent.Code, childKinds).Select(c => demo.Utm(c.Code)).ToList());

    private static void AssertArea(double expected, double measured, string what)
    {
        var tolerance = expected == 0 ? CleanTolerance : expected * 0.01;
        Assert.True(Math.Abs(measured - expected) <= tolerance, $"{what}: measured {measured:F3} m², manifest says {expected:F3} m²");
    }
}
