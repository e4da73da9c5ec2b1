using System.Text.Json;
using MapDashboard.Data;
using MapDashboard.Data.Findings;
using Npgsql;

namespace MapDashboard.IntegrationTests.Findings;

/// <summary>
/// Every finding kind on <see cref="HandBuiltDistrict"/>, whose answers are known by construction. Tests that
/// change settings or data do it in a transaction they roll back, so the fixture stays as drawn.
/// </summary>
public class HandBuiltDetectionTests(HandBuiltDistrict district) : IClassFixture<HandBuiltDistrict>
{
    static void AreaIs(double expected, double? actual) =>
        Assert.InRange(actual ?? double.NaN, expected * 0.999, expected * 1.001);

    async Task<List<FindingRow>> Present(string kind)
    {
        await using var conn = await district.Db.OpenConnectionAsync();
        return await FindingRow.PresentAsync(conn, kind);
    }

    [Fact]
    public async Task A_strip_between_two_grids_that_no_grid_covers_is_a_gap_of_their_community()
    {
        var gap = Assert.Single(await Present("gap"), g => g.Units[0] == "C1");
        AreaIs(10 * 500, gap.AreaM2);
        Assert.Equal(["C1", "A", "B"], gap.Units);
        Assert.Equal("C1", gap.DefaultOwner);
        Assert.Contains("5,000 m² strip inside community C1, between grid A, grid B, belongs to no grid; by default community C1 is responsible", gap.ExplanationEn);
    }

    [Fact]
    public async Task Land_of_a_grid_that_none_of_its_micro_grids_covers_is_a_gap_the_grid_answers_for()
    {
        var gap = Assert.Single(await Present("gap"), g => g.Units[0] == "A");
        AreaIs(490 * 10, gap.AreaM2);
        Assert.Equal(["A", "A-1", "A-2"], gap.Units);
        Assert.Equal("A", gap.DefaultOwner);
        Assert.Contains("micro-grid", gap.ExplanationEn);
    }

    [Fact]
    public async Task Land_no_police_grid_covers_is_a_gap_of_the_district()
    {
        var gap = Assert.Single(await Present("gap"), g => g.Units[0] == "D");
        AreaIs(100 * 300, gap.AreaM2);
        Assert.Equal(["D", "P1", "P2"], gap.Units);
        Assert.Equal("H", gap.DefaultOwner); // the smallest unit that certainly contains it
    }

    [Fact]
    public async Task Land_claimed_by_two_sibling_grids_is_one_overlap_their_community_decides()
    {
        var overlap = Assert.Single(await Present("overlap"));
        AreaIs(20 * 500, overlap.AreaM2);
        Assert.Equal(["E", "F"], overlap.Units);
        Assert.Equal("C2", overlap.DefaultOwner);
    }

    [Fact]
    public async Task A_building_split_between_grids_reports_each_share()
    {
        var straddle = Assert.Single(await Present("straddle"));
        Assert.Equal("S1", straddle.Asset);
        Assert.Equal(["F", "H"], straddle.Units); // largest share first
        var shares = JsonDocument.Parse(straddle.Detail).RootElement.GetProperty("shares").EnumerateArray()
            .ToDictionary(s => s.GetProperty("unit").GetString()!, s => s.GetProperty("areaM2").GetDouble());
        AreaIs(20 * 20, shares["F"]);
        AreaIs(19.7 * 20, shares["H"]);
        Assert.Equal("C2", straddle.DefaultOwner);
    }

    [Fact]
    public async Task A_hazard_within_the_tolerance_of_a_boundary_between_grids_is_reported_and_one_farther_away_is_not()
    {
        var hazard = Assert.Single(await Present("boundary_hazard"));
        Assert.Equal("HB", hazard.Asset);
        Assert.Equal(["A", "E"], hazard.Units);
        Assert.Contains("\"distanceToBoundaryM\": 0.5", hazard.Detail);
        Assert.Equal("C1", hazard.DefaultOwner);
    }

    [Fact]
    public async Task A_police_grid_spanning_two_communities_is_a_mismatch_measured_outside_its_main_community()
    {
        var mismatch = Assert.Single(await Present("police_mismatch"));
        Assert.Equal(["P1", "C1", "C2"], mismatch.Units);
        AreaIs((1000 - 0.3) * 200, mismatch.AreaM2); // C2's grids inside P1, the 0.3 m sliver excepted
        Assert.Equal("S", mismatch.DefaultOwner);
    }

    [Fact]
    public async Task Ownerless_unmanaged_and_disputed_assets_are_found_with_the_grid_that_answers_for_them()
    {
        var ownerless = await Present("ownerless");
        Assert.Equal(["HN", "N1"], ownerless.Select(f => f.Asset!).Order().ToArray());
        Assert.All(ownerless, f => Assert.Equal("A", f.DefaultOwner));
        AreaIs(400, ownerless.Single(f => f.Asset == "N1").AreaM2);
        Assert.Equal("U1", Assert.Single(await Present("unmanaged")).Asset);
        var disputed = Assert.Single(await Present("disputed"));
        Assert.Equal("X1", disputed.Asset);
        Assert.Equal(["OWN", "RIVAL"], disputed.Orgs);
        Assert.Equal("B", disputed.DefaultOwner);
    }

    [Fact]
    public async Task A_sliver_thinner_than_the_minimum_width_is_noise_until_the_minimum_is_lowered()
    {
        Assert.DoesNotContain(await Present("gap"), g => g.Units[0] == "C2");

        await using var conn = await district.Db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await conn.ExecuteAsync("update finding_setting set min_width_m = 0.2");
        await FindingRecomputation.FullAsync(conn);
        var sliver = Assert.Single(await FindingRow.PresentAsync(conn, "gap"), g => g.Units[0] == "C2");
        AreaIs(0.3 * 500, sliver.AreaM2);
        Assert.Equal(["C2", "F", "H"], sliver.Units);
    }

    [Fact]
    public async Task A_gap_smaller_than_the_minimum_area_is_not_reported_and_the_stored_one_is_resolved()
    {
        await using var conn = await district.Db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await conn.ExecuteAsync("update finding_setting set min_area_m2 = 5500");
        await FindingRecomputation.FullAsync(conn);
        var gaps = await FindingRow.PresentAsync(conn, "gap");
        Assert.DoesNotContain(gaps, g => g.Units[0] == "C1" || g.Units[0] == "A");
        Assert.Contains(gaps, g => g.Units[0] == "D");
        Assert.Equal("resolved", await conn.ScalarAsync<string>("select status from finding where finding_key like 'gap:A,B,C1@%'"));
    }

    [Fact]
    public async Task An_accepted_gap_stays_accepted_when_it_is_recomputed_and_leaves_the_map()
    {
        await using var conn = await district.Db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await conn.ExecuteAsync("""
            insert into finding_acceptance (finding_key, reason, accepted_by)
            select finding_key, 'a planned road reserve', 'test' from finding where finding_key like 'gap:A,B,C1@%';
            """);
        await FindingRecomputation.FullAsync(conn);
        Assert.Equal("accepted", await conn.ScalarAsync<string>("select status from finding where finding_key like 'gap:A,B,C1@%'"));
        Assert.True(await conn.ScalarAsync<bool>("select live_feature('findings', id) is null from finding where finding_key like 'gap:A,B,C1@%'"));
        Assert.Equal("new", await conn.ScalarAsync<string>("select status from finding where finding_key like 'gap:D,%'"));
    }

    [Fact]
    public async Task Closing_a_gap_by_moving_a_grid_boundary_resolves_it_in_the_same_transaction_and_keeps_its_history()
    {
        await using var conn = await district.Db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var id = await conn.ScalarAsync<long>("select id from finding where finding_key like 'gap:A,B,C1@%'");
        // B now reaches A's edge (drawn with A's vertices, as an editor snapping to them would).
        await conn.ExecuteAsync($"update territory_unit set boundary = ST_Multi(ST_Transform(ST_GeomFromText('{HandBuiltDistrict.Rectangle(490, 0, 1000, 500)}', 32648), 4326)) where code = 'B'");
        Assert.Equal("resolved", await conn.ScalarAsync<string>($"select status from finding where id = {id}"));
        Assert.Equal("no_longer_detected", await conn.ScalarAsync<string>($"select event from finding_history where finding_id = {id} order by id desc limit 1"));
        Assert.Equal(10, await conn.ScalarAsync<long>("select count(*) from finding where present")); // 11 drawn, one closed
    }

    [Fact]
    public async Task The_hand_built_district_holds_exactly_the_findings_drawn_into_it()
    {
        await using var conn = await district.Db.OpenConnectionAsync();
        var kinds = (await FindingRow.PresentAsync(conn)).GroupBy(f => f.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int>
        {
            ["gap"] = 3, ["overlap"] = 1, ["straddle"] = 1, ["boundary_hazard"] = 1, ["police_mismatch"] = 1,
            ["ownerless"] = 2, ["unmanaged"] = 1, ["disputed"] = 1,
        }, kinds);
    }
}
