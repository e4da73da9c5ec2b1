using MapDashboard.Domain.Incidents;

namespace MapDashboard.Domain.Tests.Incidents;

public class IncidentRoutingTests
{
    static readonly CoveringUnit Street = new(1, "S", "street", 2_000_000, null);
    static readonly CoveringUnit Community = new(2, "C", "community", 800_000, null);
    static readonly CoveringUnit Grid = new(3, "C-01", "community_grid", 120_000, 31);
    static readonly CoveringUnit Micro = new(4, "C-01-1", "micro_grid", 40_000, null);
    static readonly CoveringUnit Police = new(5, "JG-1", "police_grid", 150_000, 99);
    static readonly TroubledAsset[] NoTrouble = [];

    [Fact]
    public void Inside_a_grid_the_smallest_grid_answers_with_the_nearest_worker()
    {
        var r = IncidentRouting.Decide([Street, Community, Grid, Micro, Police], NoTrouble)!;
        Assert.Equal((4, 2, 1, 31), (r.GridId, r.CommunityId, r.StreetId, r.WorkerId));
        Assert.Equal((4, EscalationLevel.Grid, false), (r.ResponsibleUnitId, r.Level, r.OwnershipUnclear));
        Assert.Null(r.Reason);
    }

    [Fact]
    public void In_a_gap_between_grids_the_community_answers_and_says_why()
    {
        var r = IncidentRouting.Decide([Street, Community, Police], NoTrouble)!;
        Assert.Null(r.GridId);
        Assert.Equal((2, EscalationLevel.Community, true), (r.ResponsibleUnitId, r.Level, r.OwnershipUnclear));
        Assert.Equal("gap: no grid covers this point inside community C", r.Reason);
    }

    [Fact]
    public void Where_two_grids_overlap_the_community_answers_and_names_both()
    {
        var other = Grid with { Id = 6, Code = "C-02" };
        var r = IncidentRouting.Decide([Street, Community, Grid, other], NoTrouble)!;
        Assert.Null(r.GridId);
        Assert.Equal(2, r.ResponsibleUnitId);
        Assert.Equal("overlap: C-01 and C-02 both claim this point", r.Reason);
    }

    [Fact]
    public void On_an_ownerless_building_the_grid_is_known_but_the_community_answers()
    {
        var r = IncidentRouting.Decide([Street, Community, Grid], [new TroubledAsset("building", "B1", true, 0)])!;
        Assert.Equal(3, r.GridId);
        Assert.Equal((2, true), (r.ResponsibleUnitId, r.OwnershipUnclear));
        Assert.Equal("ownerless building: B1 has no recorded owner", r.Reason);
    }

    [Fact]
    public void On_a_disputed_asset_the_reason_counts_the_claimants()
    {
        var r = IncidentRouting.Decide([Street, Community, Grid], [new TroubledAsset("hazard", "H1", false, 2)])!;
        Assert.Equal("disputed hazard: H1 is claimed by 2 organisations", r.Reason);
    }

    [Fact]
    public void Without_a_community_the_street_is_the_fallback()
    {
        var r = IncidentRouting.Decide([Street], NoTrouble)!;
        Assert.Equal((1, EscalationLevel.Street, true), (r.ResponsibleUnitId, r.Level, r.OwnershipUnclear));
    }

    [Fact]
    public void Outside_every_street_there_is_no_route() => Assert.Null(IncidentRouting.Decide([Police], NoTrouble));
}
