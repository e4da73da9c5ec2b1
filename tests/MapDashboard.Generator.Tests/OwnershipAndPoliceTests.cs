using MapDashboard.Domain.Projection;
using MapDashboard.Generator.Model;
using MapDashboard.Generator.Tests.Support;

namespace MapDashboard.Generator.Tests;

/// <summary>The manifest's lists of unclear ownership and police mismatches are exactly what the data shows.</summary>
[Collection(DemoDistrictCollection.Name)]
public class OwnershipAndPoliceTests(DemoDistrictFixture demo)
{
    private Deliberate Deliberate => demo.District.Deliberate;

    [Fact]
    public void Ownerless_and_unmanaged_lists_match_the_buildings()
    {
        Assert.Equal(demo.District.Buildings.Where(b => b.OwnerCode is null).Select(b => b.Code), Deliberate.OwnerlessBuildings);
        Assert.Equal(demo.District.Buildings.Where(b => b.ManagerCode is null).Select(b => b.Code), Deliberate.UnmanagedBuildings);
        Assert.True(Deliberate.OwnerlessBuildings.Count >= 10);
        Assert.NotEmpty(Deliberate.UnmanagedBuildings);
    }

    [Fact]
    public void Ownerless_hazards_list_matches_the_hazards()
    {
        Assert.Equal(demo.District.Hazards.Where(h => h.OwnerCode is null).Select(h => h.Code), Deliberate.OwnerlessHazards);
        Assert.True(Deliberate.OwnerlessHazards.Count >= 10);
    }

    [Fact]
    public void Every_dispute_has_two_claims_by_different_organisations_that_exist()
    {
        var organisations = demo.District.Organisations.Select(o => o.Code).ToHashSet();
        Assert.Contains(Deliberate.Disputed, d => d.AssetKind == "building");
        foreach (var dispute in Deliberate.Disputed)
        {
            var claimants = demo.District.Claims.Where(c => c.AssetKind == dispute.AssetKind && c.AssetCode == dispute.AssetCode)
                .Select(c => c.OrganisationCode).ToHashSet();
            Assert.True(claimants.Count >= 2, $"{dispute.AssetCode} has {claimants.Count} claimants");
            Assert.Equal(claimants.Order(), dispute.OrganisationCodes.Order());
            Assert.Subset(organisations, claimants);
        }
    }

    [Fact]
    public void Every_owner_manager_and_building_reference_exists()
    {
        var organisations = demo.District.Organisations.Select(o => o.Code).ToHashSet();
        var buildings = demo.District.Buildings.Select(b => b.Code).ToHashSet();
        Assert.All(demo.District.Buildings, b => Assert.True((b.OwnerCode is null || organisations.Contains(b.OwnerCode)) && (b.ManagerCode is null || organisations.Contains(b.ManagerCode))));
        Assert.All(demo.District.Hazards, h => Assert.True((h.OwnerCode is null || organisations.Contains(h.OwnerCode)) && (h.BuildingCode is null || buildings.Contains(h.BuildingCode))));
    }

    [Fact]
    public void Police_grids_listed_as_mismatched_span_those_communities_and_the_rest_lie_in_one()
    {
        var listed = Deliberate.PoliceMismatch.ToDictionary(m => m.PoliceCode, m => m.CommunityCodes.Order().ToList());
        Assert.NotEmpty(listed);
        foreach (var police in demo.OfKind(TerritoryKinds.PoliceGrid))
        {
            var spanned = demo.OfKind(TerritoryKinds.Community)
                .Where(c => demo.Utm(c.Code).Intersection(demo.Utm(police.Code)).Area > 1)
                .Select(c => c.Code).Order().ToList();
            if (listed.TryGetValue(police.Code, out var communities)) Assert.Equal(communities, spanned);
            else Assert.Single(spanned);
        }
    }

    [Fact]
    public void Police_grid_edges_inside_the_district_do_not_follow_the_community_grid_edges()
    {
        var factory = demo.District.Territory[0].Boundary.Factory;
        var district = demo.Utm(demo.District.Territory[0].Code);
        var gridEdges = Utm48N.Project(factory.BuildGeometry(
            demo.OfKind(TerritoryKinds.CommunityGrid, TerritoryKinds.DedicatedGrid).Select(g => g.Boundary.Boundary).ToList()));
        var policeEdges = Utm48N.Project(factory.BuildGeometry(
            demo.OfKind(TerritoryKinds.PoliceGrid).Select(g => g.Boundary.Boundary).ToList())).Difference(district.Boundary.Buffer(0.5));

        var apart = policeEdges.Difference(gridEdges.Buffer(0.5)).Length / policeEdges.Length;
        Assert.True(apart > 0.8, $"only {apart:P0} of inner police-grid edges run off the community-grid edges");
    }
}
