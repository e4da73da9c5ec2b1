using System.Text.Json;
using MapDashboard.Data;
using MapDashboard.IntegrationTests.Audit;

namespace MapDashboard.IntegrationTests.Findings;

/// <summary>
/// What a finding's GeoJSON feature (finding_features, schema 26_finding_feature.sql) looks up beside the finding's
/// own columns — the names of the units and organisations it and its suggested fix name, its building's name, its
/// default owner, community and street — each read here from its own table, and the live feed's feature of it the
/// same one. The lookups are joins (the asset, the owner, the places) and a gated subquery (the names), set-based for
/// an import's 102,000 findings (issue 16); a finding naming organisations is the case no demo finding has.
/// </summary>
public class FindingFeatureTests
{
    [Fact]
    public async Task A_findings_feature_names_its_units_and_organisations_its_building_owner_and_places()
    {
        await using var db = await BulkCaptureTests.DemoAsync("finding_feature_lookups");
        await using var conn = await db.OpenConnectionAsync();
        var id = await conn.ScalarAsync<long>("""
            select id from finding
            where asset_kind = 'building' and default_owner_id is not null and community_id is not null and street_id is not null
              and cardinality(unit_codes) > 0 and present and status = 'new'
            order by id limit 1
            """);
        var (orgCode, orgName) = (await conn.ScalarAsync<string>("select code from organisation order by code limit 1"),
                                  await conn.ScalarAsync<string>("select name from organisation order by code limit 1"));
        var (fixUnit, fixUnitName) = (await conn.ScalarAsync<string>("select code from territory_unit where kind = 'street' order by code limit 1"),
                                      await conn.ScalarAsync<string>("select name from territory_unit where kind = 'street' order by code limit 1"));
        await conn.ExecuteAsync($"""
            update finding set org_codes = array['{orgCode}'],
                               suggested_fix = coalesce(suggested_fix, '{"{}"}') || jsonb_build_object('units', jsonb_build_array('{fixUnit}'))
            where id = {id}
            """);

        var feature = JsonDocument.Parse(await conn.ScalarAsync<string>($"select finding_feature({id})::text")).RootElement;
        var properties = feature.GetProperty("properties");
        var names = properties.GetProperty("names");
        var ownUnit = await conn.ScalarAsync<string>($"select unit_codes[1] from finding where id = {id}");
        Assert.Equal(await conn.ScalarAsync<string>($"select name from territory_unit where code = '{ownUnit}'"), names.GetProperty(ownUnit).GetString());
        Assert.Equal(fixUnitName, names.GetProperty(fixUnit).GetString());
        Assert.Equal(orgName, names.GetProperty(orgCode).GetString());
        Assert.Equal(orgCode, properties.GetProperty("organisations")[0].GetString());

        Assert.Equal(await conn.ScalarAsync<string>($"select b.name from finding f join building b on b.code = f.asset_code where f.id = {id}"),
                     properties.GetProperty("asset").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, properties.GetProperty("asset").GetProperty("category").ValueKind);
        Assert.Equal(await conn.ScalarAsync<string>($"select u.code from finding f join territory_unit u on u.id = f.default_owner_id where f.id = {id}"),
                     properties.GetProperty("defaultOwner").GetProperty("code").GetString());
        Assert.Equal(await conn.ScalarAsync<string>($"select u.code from finding f join territory_unit u on u.id = f.community_id where f.id = {id}"),
                     properties.GetProperty("community").GetString());
        Assert.Equal(await conn.ScalarAsync<string>($"select u.code from finding f join territory_unit u on u.id = f.street_id where f.id = {id}"),
                     properties.GetProperty("street").GetString());

        // The live feed sends the same feature; an id with no finding comes back once, with no feature (a delete).
        Assert.True(await conn.ScalarAsync<bool>($"select feature = finding_feature({id}) from live_features('findings', array[{id}])"));
        Assert.Equal(1L, await conn.ScalarAsync<long>("select count(*) from live_features('findings', array[-1::bigint]) where feature is null"));
    }
}
