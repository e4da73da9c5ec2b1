using MapDashboard.Domain.Projection;
using MapDashboard.Generator.Model;
using MapDashboard.Generator.Tests.Support;

namespace MapDashboard.Generator.Tests;

/// <summary>天庆嘉园社区 matches the seed report: 0.45 km², compounds A/B/C, 52 buildings, 2,465 households, 7,792 residents, 6 grids.</summary>
[Collection(DemoDistrictCollection.Name)]
public class TianqingTests(DemoDistrictFixture demo)
{
    private TerritoryUnit Community => demo.OfKind(TerritoryKinds.Community).Single(c => c.Name == "天庆嘉园社区");

    // Found by geometry, not by the label the generator gave them.
    private List<Building> Buildings => demo.District.Buildings.Where(b => Community.Boundary.Contains(b.Footprint.Centroid)).ToList();

    [Fact]
    public void Tianqing_measures_about_045_square_kilometres()
    {
        Assert.InRange(MetricMeasure.AreaSquareMetres(Community.Boundary) / 1e6, 0.43, 0.47);
    }

    [Fact]
    public void Tianqing_has_exactly_52_residential_buildings_2465_households_and_7792_residents()
    {
        Assert.Equal(52, Buildings.Count);
        Assert.All(Buildings, b => Assert.Equal("residential", b.Use));
        Assert.Equal(2465, Buildings.Sum(b => b.Households));
        Assert.Equal(7792, Buildings.Sum(b => b.Residents));
    }

    [Fact]
    public void Tianqing_has_compounds_A_B_C_and_exactly_6_grids_each_with_buildings()
    {
        Assert.Equal(["天庆嘉园A区", "天庆嘉园B区", "天庆嘉园C区"], Buildings.Select(b => b.Compound).Distinct().Order());
        var grids = demo.ChildrenOf(Community.Code, TerritoryKinds.CommunityGrid, TerritoryKinds.DedicatedGrid).ToList();
        Assert.Equal(6, grids.Count);
        Assert.Equal("天庆嘉园第1网格", grids[0].Name);
        Assert.All(grids, g => Assert.Contains(Buildings, b => g.Boundary.Covers(b.Footprint)));
    }
}
