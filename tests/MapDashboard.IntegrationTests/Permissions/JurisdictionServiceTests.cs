using MapDashboard.Domain.Permissions;
using MapDashboard.Server.Permissions;
using Microsoft.Extensions.DependencyInjection;

namespace MapDashboard.IntegrationTests.Permissions;

/// <summary>The rule at the service level, with viewers built directly (no HTTP, no sign-in): the server's Jurisdiction on the demo tree.</summary>
[Collection(PermissionCollection.Name)]
public class JurisdictionServiceTests(PermissionDistrict district)
{
    readonly PermissionHost _host = district.Host;
    Jurisdiction Rule => _host.Services.GetRequiredService<Jurisdiction>();

    [Fact]
    public async Task A_community_leader_sees_and_acts_on_what_lies_in_their_community_and_nothing_beyond()
    {
        var leader = new Viewer(Role.Community, _host.Inside.Community);
        var (inside, outside) = (await PermissionActions.HazardAsync(_host, _host.Inside.Community, true), await PermissionActions.HazardAsync(_host, _host.Inside.Community, false));

        Assert.True(await Rule.CanSeePersonalDataAsync(leader, _host.Inside.Grid, default));
        Assert.True(await Rule.CanSeePersonalDataAsync(leader, _host.Inside.Community, default));
        Assert.False(await Rule.CanSeePersonalDataAsync(leader, _host.Outside.Grid, default));
        Assert.False(await Rule.CanSeePersonalDataAsync(leader, _host.Inside.Street, default));
        Assert.False(await Rule.CanSeePersonalDataAsync(leader, null, default));

        Assert.True(await Rule.CanActAsync(leader, Capability.EditHazard, Concern.Hazard(inside), default));
        Assert.False(await Rule.CanActAsync(leader, Capability.EditHazard, Concern.Hazard(outside), default));
        Assert.True(await Rule.CanActAsync(leader, Capability.EditBoundary, Concern.Unit(_host.Inside.Grid), default));
        Assert.False(await Rule.CanActAsync(leader, Capability.EditBoundary, Concern.Unit(_host.Inside.Street), default));
        Assert.False(await Rule.CanActAsync(leader, Capability.FindingSettings, Concern.District, default));
    }

    [Fact]
    public async Task A_street_leader_reaches_every_community_of_the_street_and_the_district_everything()
    {
        var street = new Viewer(Role.Street, _host.Inside.Street);
        Assert.True(await Rule.CanSeePersonalDataAsync(street, _host.Inside.Grid, default));
        Assert.False(await Rule.CanSeePersonalDataAsync(street, _host.Outside.Grid, default));
        var duty = new Viewer(Role.District, "620102");
        Assert.True(await Rule.CanSeePersonalDataAsync(duty, _host.Outside.Grid, default));
        Assert.True(await Rule.CanActAsync(duty, Capability.FindingSettings, Concern.District, default));
    }

    [Fact]
    public async Task The_wall_display_sees_no_personal_data_and_acts_nowhere_and_its_refusal_says_so()
    {
        var display = new Viewer(Role.Display, "620102");
        Assert.False(await Rule.CanSeePersonalDataAsync(display, _host.Inside.Grid, default));
        Assert.Equal("a display account of 620102 may not change hazards",
            await Rule.RefusalAsync(display, Capability.EditHazard, [], default));
        var lens = await Rule.LensAsync(display, reveal: true, default);
        Assert.Equal((Disclosure.None, Disclosure.None), (lens.Inside, lens.Outside));
    }

    [Fact]
    public async Task A_leader_s_lens_masks_inside_reveals_inside_on_request_and_removes_outside()
    {
        var masked = await Rule.LensAsync(new Viewer(Role.Community, _host.Inside.Community), reveal: false, default);
        Assert.Equal(Disclosure.Masked, masked.For(_host.Inside.Grid));
        Assert.Equal(Disclosure.None, masked.For(_host.Outside.Grid));
        var revealed = await Rule.LensAsync(new Viewer(Role.Community, _host.Inside.Community), reveal: true, default);
        Assert.Equal(Disclosure.Plain, revealed.For(_host.Inside.Grid));
        Assert.Equal(Disclosure.None, revealed.For(_host.Outside.Grid));
        Assert.NotEqual(masked.Key, revealed.Key);
        // A planner sees masked names inside, never unmasked: the same lens as a leader who does not reveal.
        Assert.Equal(masked.Key, (await Rule.LensAsync(new Viewer(Role.Planner, _host.Inside.Community), reveal: true, default)).Key);
    }
}
