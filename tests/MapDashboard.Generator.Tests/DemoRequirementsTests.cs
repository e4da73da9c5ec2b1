using System.Text.RegularExpressions;
using MapDashboard.Generator.Hazards;
using MapDashboard.Generator.Model;
using MapDashboard.Generator.Tests.Support;

namespace MapDashboard.Generator.Tests;

/// <summary>The demo district has what the brief asks of it: enough of everything, everyone in place, codes in their formats.</summary>
[Collection(DemoDistrictCollection.Name)]
public class DemoRequirementsTests(DemoDistrictFixture demo)
{
    private GeneratedDistrict District => demo.District;

    [Fact]
    public void The_hierarchy_is_big_enough()
    {
        Assert.Single(demo.OfKind(TerritoryKinds.District));
        Assert.True(demo.OfKind(TerritoryKinds.Street).Count() >= 2);
        Assert.True(demo.OfKind(TerritoryKinds.Community).Count() >= 6);
        Assert.True(demo.OfKind(TerritoryKinds.CommunityGrid, TerritoryKinds.DedicatedGrid).Count() >= 40);
        Assert.True(demo.OfKind(TerritoryKinds.MicroGrid).Count() >= 80);
        Assert.True(demo.OfKind(TerritoryKinds.PoliceGrid).Count() >= 10);
    }

    [Fact]
    public void Every_grid_has_micro_grids_and_every_parent_exists()
    {
        foreach (var grid in demo.OfKind(TerritoryKinds.CommunityGrid, TerritoryKinds.DedicatedGrid))
            Assert.NotEmpty(demo.ChildrenOf(grid.Code, TerritoryKinds.MicroGrid));
        foreach (var unit in District.Territory.Where(u => u.ParentCode is not null))
            Assert.True(demo.UnitsByCode.ContainsKey(unit.ParentCode!), $"{unit.Code}'s parent {unit.ParentCode} is missing");
    }

    [Fact]
    public void Dedicated_grids_serve_malls_schools_and_enterprises()
    {
        var dedicated = demo.OfKind(TerritoryKinds.DedicatedGrid).Select(g => g.Code).ToHashSet();
        var uses = District.Buildings.Where(b => dedicated.Contains(b.GridCode)).Select(b => b.Use).ToHashSet();

        Assert.True(uses.IsSupersetOf(["commercial", "school", "industrial"]), $"dedicated grids hold {string.Join(", ", uses)}");
        Assert.Equal(15, demo.ChildrenOf(CommunityCode("吴家园社区"), TerritoryKinds.CommunityGrid, TerritoryKinds.DedicatedGrid).Count());
        Assert.Equal(6, demo.ChildrenOf(CommunityCode("吴家园社区"), TerritoryKinds.DedicatedGrid).Count());
    }

    [Fact]
    public void There_are_enough_buildings_with_people_in_them()
    {
        Assert.True(District.Buildings.Count >= 1500, $"{District.Buildings.Count} buildings");
        var residential = District.Buildings.Where(b => b.Use == "residential").ToList();
        Assert.All(residential, b => Assert.True(b.Households > 0 && b.Residents >= b.Households, $"{b.Code} has {b.Households} households, {b.Residents} residents"));
        Assert.All(District.Buildings, b => Assert.InRange(b.Floors, 1, 120));
    }

    [Fact]
    public void Every_grid_has_a_grid_worker_and_three_volunteers_and_every_street_and_community_a_leader()
    {
        var people = District.People.ToDictionary(p => p.Code);
        foreach (var grid in demo.OfKind(TerritoryKinds.CommunityGrid, TerritoryKinds.DedicatedGrid))
        {
            Assert.Equal(PersonRoles.GridWorker, people[grid.GridWorkerCode!].Role);
            Assert.Equal(3, District.People.Count(p => p.Role == PersonRoles.Volunteer && p.UnitCode == grid.Code));
        }
        foreach (var unit in demo.OfKind(TerritoryKinds.Street, TerritoryKinds.Community))
            Assert.Equal(PersonRoles.Leader, people[unit.LeaderCode!].Role);
        Assert.All(District.People, p => Assert.Matches(new Regex(@"^\p{IsCJKUnifiedIdeographs}{2,3}$"), p.Name));
    }

    [Fact]
    public void The_organisations_named_in_the_seed_reports_are_there()
    {
        var byKind = District.Organisations.GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(28, byKind[OrganisationKinds.CoBuildingUnit]);
        Assert.Equal(3, byKind[OrganisationKinds.Telecom]);
        Assert.Equal(1, byKind[OrganisationKinds.Railway]);
        Assert.True(byKind[OrganisationKinds.Utility] >= 3);
        Assert.True(byKind[OrganisationKinds.Government] >= 2);
        Assert.True(byKind[OrganisationKinds.PropertyCompany] >= 5);
        Assert.Equal(20, District.Territory.Count(u => u.AdoptedByCode is not null));
        Assert.Equal(District.Organisations.Count, District.Organisations.Select(o => o.Code).Distinct().Count());
    }

    [Fact]
    public void Hazards_cover_every_hazard_category()
    {
        Assert.Equal(200, District.Hazards.Count);
        var used = District.Hazards.Select(h => h.Category).ToHashSet();
        Assert.All(CategoryCatalog.All.Where(c => c.ForHazards), c => Assert.Contains(c.Code, used));
        Assert.Equal(16, District.Categories.Count);
    }

    [Fact]
    public void Codes_follow_the_documented_formats()
    {
        var patterns = new Dictionary<string, string>
        {
            [TerritoryKinds.District] = @"^620102$",
            [TerritoryKinds.Street] = @"^620102\d{3}$",
            [TerritoryKinds.Community] = @"^620102\d{6}$",
            [TerritoryKinds.CommunityGrid] = @"^620102\d{6}-\d{2}$",
            [TerritoryKinds.DedicatedGrid] = @"^620102\d{6}-\d{2}$",
            [TerritoryKinds.MicroGrid] = @"^620102\d{6}-\d{2}-\d+$",
            [TerritoryKinds.PoliceGrid] = @"^JG-\d{2,3}$",
        };
        Assert.All(District.Territory, u => Assert.Matches(patterns[u.Kind], u.Code));
        Assert.All(District.Buildings, b => Assert.Matches(@"^B\d{6}$", b.Code));
        Assert.All(District.Hazards, h => Assert.Matches(@"^H\d{5}$", h.Code));
        Assert.Equal(District.Territory.Count, demo.UnitsByCode.Count);
        Assert.All(District.Territory.Where(u => u.ParentCode is not null && u.Kind != TerritoryKinds.PoliceGrid),
            u => Assert.StartsWith(u.ParentCode!, u.Code));
    }

    private string CommunityCode(string name) => demo.OfKind(TerritoryKinds.Community).Single(c => c.Name == name).Code;
}
