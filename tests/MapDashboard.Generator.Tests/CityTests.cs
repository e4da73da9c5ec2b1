using MapDashboard.Generator.Model;
using MapDashboard.Generator.Tests.Support;

namespace MapDashboard.Generator.Tests;

/// <summary>The city size is Chengguan at scale (1,607 grids, ~50,000 buildings, 10,000 hazards) and quick to make.</summary>
public class CityTests(CityDistrictFixture city) : IClassFixture<CityDistrictFixture>
{
    [Fact]
    public void City_has_1607_grids_about_50000_buildings_and_10000_hazards()
    {
        Assert.Equal(1607, city.OfKind(TerritoryKinds.CommunityGrid, TerritoryKinds.DedicatedGrid).Count());
        Assert.InRange(city.District.Buildings.Count, 45_000, 55_000);
        Assert.Equal(10_000, city.District.Hazards.Count);
    }

    [Fact]
    public void City_generates_in_well_under_a_minute()
    {
        Assert.True(city.GenerationTime < TimeSpan.FromSeconds(30), $"took {city.GenerationTime}");
    }

    [Fact]
    public void Every_city_polygon_is_valid()
    {
        Assert.All(city.District.Territory, u => Assert.True(u.Boundary.IsValid, $"{u.Code} is invalid"));
        Assert.All(city.District.Buildings, b => Assert.True(b.Footprint.IsValid, $"{b.Code} is invalid"));
    }

    [Fact]
    public void Tianqing_keeps_its_figures_at_city_size()
    {
        var tianqing = city.OfKind(TerritoryKinds.Community).Single(c => c.Name == "天庆嘉园社区");
        var buildings = city.District.Buildings.Where(b => b.CommunityCode == tianqing.Code).ToList();

        Assert.Equal(52, buildings.Count);
        Assert.Equal(2465, buildings.Sum(b => b.Households));
        Assert.Equal(7792, buildings.Sum(b => b.Residents));
        Assert.Equal(6, city.ChildrenOf(tianqing.Code, TerritoryKinds.CommunityGrid).Count());
    }

    [Fact]
    public void City_plants_trouble_at_scale()
    {
        var deliberate = city.District.Deliberate;
        Assert.True(deliberate.Gaps.Count >= 10 && deliberate.Overlaps.Count >= 10 && deliberate.StraddlingBuildings.Count >= 30);
        Assert.Equal(city.District.Buildings.Count, city.District.Buildings.Select(b => b.Code).Distinct().Count());
    }
}
