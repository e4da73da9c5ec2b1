using MapDashboard.Server.Layers;
using MapDashboard.Server.Permissions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MapDashboard.IntegrationTests.Permissions;

/// <summary>
/// The rule is applied at the edges, read from the application's own route table: a write endpoint added later
/// without <c>.Acts(…)</c> fails here until it passes the rule or is listed below with why it need not. And every
/// layer with personal data says where its personal data belongs.
/// </summary>
[Collection(PermissionCollection.Name)]
public class PermissionRouteTableTests(PermissionDistrict district)
{
    /// <summary>Writes the jurisdiction rule does not judge, each with the reason.</summary>
    static readonly Dictionary<string, string> NotJudgedHere = new()
    {
        ["POST /api/patrols/pings"] = "a device posts only its own worker's pings: device binding, with sign-in",
        ["POST /open311/v2/requests.{format}"] = "the public door for residents' apps, behind its API key; it writes a report, as anyone may",
        ["POST /api/report/"] = "the resident's door (no account): it writes a report anywhere in the district, as anyone may",
        ["POST /api/report/track/{token}/rating"] = "the resident's rating: the tracking link's holder rates its own incident, judged by the link",
        ["POST /api/routes/analysis"] = "measures a drawn line; writes nothing",
        ["POST /api/grids/{code}/route-suggestion"] = "suggests a line; writes nothing",
        ["POST /api/auth/token"] = "signing in: who one is, not where one acts",
        ["POST /api/auth/signin"] = "signing in: who one is, not where one acts",
        ["POST /api/auth/signout"] = "ends the caller's own credential",
        ["POST /api/accounts/"] = "admin only (policy Admin), district-wide: accounts are not in a unit's jurisdiction to grant",
        ["POST /api/accounts/{userName}/revoke"] = "admin only (policy Admin), district-wide",
        ["POST /api/devices/"] = "admin only (policy Admin), district-wide",
        ["POST /api/devices/{id:int}/revoke"] = "admin only (policy Admin), district-wide",
        ["POST /api/admin/import/"] = "admin only (policy Admin), district-wide: a dry run of a district's file; writes nothing",
        ["POST /api/admin/import/{id}/apply"] = "admin only (policy Admin), district-wide: loads or updates the district's own data",
    };

    [Fact]
    public void Every_write_endpoint_passes_the_permission_rule_or_says_why_not()
    {
        var writes = district.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(m => m is "POST" or "PUT" or "PATCH" or "DELETE")
                .Select(m => (Name: $"{m} {e.RoutePattern.RawText}", Judged: e.Metadata.GetMetadata<ActsUnderRule>() is not null)))
            .ToList();
        Assert.Contains(writes, w => w.Name == "PUT /api/territory/{code}/boundary" && w.Judged);
        Assert.Empty(writes.Where(w => !w.Judged && !NotJudgedHere.ContainsKey(w.Name)).Select(w => w.Name));
        Assert.Empty(NotJudgedHere.Keys.Except(writes.Select(w => w.Name)));
    }

    [Fact]
    public void Every_layer_with_personal_data_declares_where_it_belongs_and_its_tiles_can_tell()
    {
        Assert.All(LayerCatalog.All.Where(l => l.Personal.Count > 0), l =>
        {
            Assert.NotEmpty(l.PersonalDataUnit);
            Assert.Empty(l.PersonalDataUnit.Except(l.Properties));
            Assert.Empty(l.PersonalDataUnit.Intersect(l.PersonalData));
            if (l.TilePersonalData.Any()) Assert.Empty(l.PersonalDataUnit.Except(l.TileProperties));
        });
    }
}
