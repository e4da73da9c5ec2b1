using System.Security.Claims;
using MapDashboard.Domain.Permissions;

namespace MapDashboard.Domain.Tests.Permissions;

public class RoleMatrixTests
{
    public static TheoryData<Role> KnownRoles => new(Enum.GetValues<Role>().Where(r => r != Role.Unknown));

    [Fact]
    public void The_display_and_an_unknown_role_may_do_nothing_and_see_no_personal_data()
    {
        Assert.All(RoleMatrix.Capabilities, c =>
        {
            Assert.Equal(Scope.Never, RoleMatrix.ScopeOf(Role.Display, c));
            Assert.Equal(Scope.Never, RoleMatrix.ScopeOf(Role.Unknown, c));
        });
    }

    [Fact]
    public void Admin_and_district_act_everywhere_and_only_they_change_the_district_wide_settings()
    {
        Assert.All(RoleMatrix.Capabilities, c =>
        {
            Assert.Equal(Scope.Everywhere, RoleMatrix.ScopeOf(Role.Admin, c));
            Assert.Equal(Scope.Everywhere, RoleMatrix.ScopeOf(Role.District, c));
        });
        Assert.Equal([Role.Admin, Role.District],
            Enum.GetValues<Role>().Where(r => RoleMatrix.ScopeOf(r, Capability.FindingSettings) != Scope.Never));
    }

    [Theory]
    [MemberData(nameof(KnownRoles))]
    public void No_role_may_reveal_where_it_may_not_see_and_only_admin_and_district_see_personal_data_everywhere(Role role)
    {
        var see = RoleMatrix.ScopeOf(role, Capability.SeePersonalData);
        Assert.True(RoleMatrix.ScopeOf(role, Capability.RevealPersonalData) <= see);
        Assert.Equal(role is Role.Admin or Role.District, see == Scope.Everywhere);
    }

    [Fact]
    public void Street_and_community_leaders_act_only_inside_their_unit_a_planner_only_on_routes_a_worker_only_on_own_tasks()
    {
        foreach (var leader in new[] { Role.Street, Role.Community })
            foreach (var c in new[] { Capability.EditBoundary, Capability.DispatchIncident, Capability.HandleIncident, Capability.MoveFinding, Capability.EditHazard, Capability.EditRoute })
                Assert.Equal(Scope.Jurisdiction, RoleMatrix.ScopeOf(leader, c));
        Assert.Equal([Capability.EditRoute], Acting(Role.Planner));
        Assert.Equal([Capability.HandleIncident], Acting(Role.Worker));
        Assert.Equal(Scope.Own, RoleMatrix.ScopeOf(Role.Worker, Capability.HandleIncident));
    }

    static IEnumerable<Capability> Acting(Role role) => RoleMatrix.Capabilities
        .Where(c => c is not (Capability.SeePersonalData or Capability.RevealPersonalData or Capability.ReportIncident))
        .Where(c => RoleMatrix.ScopeOf(role, c) != Scope.Never);

    [Theory]
    [InlineData(Role.Community, true, false, Disclosure.Masked)]
    [InlineData(Role.Community, true, true, Disclosure.Plain)]
    [InlineData(Role.Community, false, false, Disclosure.None)]
    [InlineData(Role.Community, false, true, Disclosure.None)]
    [InlineData(Role.District, false, false, Disclosure.Masked)]
    [InlineData(Role.District, false, true, Disclosure.Plain)]
    [InlineData(Role.Planner, true, true, Disclosure.Masked)]
    [InlineData(Role.Display, true, true, Disclosure.None)]
    [InlineData(Role.Unknown, true, true, Disclosure.None)]
    public void Personal_data_is_masked_by_default_plain_only_on_an_entitled_reveal_and_gone_outside(
        Role role, bool inside, bool reveal, Disclosure expected) =>
        Assert.Equal(expected, PersonalDataRule.For(new Viewer(role, "620102001001"), inside, reveal));

    [Fact]
    public void A_jurisdiction_scoped_account_without_a_unit_sees_nothing_inside()
    {
        Assert.Equal(Disclosure.None, PersonalDataRule.For(new Viewer(Role.Street, null), insideJurisdiction: true, reveal: true));
    }

    [Fact]
    public void A_viewer_is_read_from_the_sign_in_claims_and_nobody_signed_in_is_no_viewer()
    {
        Assert.Null(Viewer.FromPrincipal(new ClaimsPrincipal(new ClaimsIdentity())));
        var signedIn = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "7"), new Claim(ClaimTypes.Name, "lead-1"), new Claim(ClaimTypes.Role, "community"),
            new Claim("unit", "620102001001"), new Claim("unit_id", "12"),
        ], "test"));
        Assert.Equal(new Viewer(Role.Community, "620102001001", null, "7", "lead-1"), Viewer.FromPrincipal(signedIn));
    }

    [Theory]
    [InlineData("")]
    [InlineData("chief")]
    [InlineData("3")]
    [InlineData("display,admin")]
    public void No_unknown_or_several_role_claims_make_a_viewer_who_may_do_nothing(string roles)
    {
        var claims = roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => new Claim(ClaimTypes.Role, r));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
        Assert.Equal(Role.Unknown, Viewer.FromPrincipal(principal)!.Role);
    }
}
