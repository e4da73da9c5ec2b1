using System.Globalization;
using MapDashboard.BrowserTests.Infrastructure;
using MapDashboard.Data.Coverage;
using MapDashboard.Data.Incidents;

namespace MapDashboard.BrowserTests;

/// <summary>
/// A grid made red, and one made yellow, by low patrol coverage alone (issue 18, item 1): the district's patrol record
/// is older than the 24 h window, so coverage colours; one grid has about a third of its buildings and hazards visited
/// in the last 24 h, another about two thirds. The /lead grid card says "巡查覆盖 33% < 50%" (the grid coverage API's
/// figure, with the threshold), and the wall legend counts the grid under 覆盖不足 (and the yellow one under 覆盖偏低)
/// as the API's grids have their reasons. On its own server: a tracked district turns every unwalked grid red, which
/// the other tests' premises must not see.
/// </summary>
[Collection(CoverageReasonCollection.Name)]
public sealed class CoverageReasonTests(DashboardFixture dashboard)
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [Fact]
    public async Task Grids_coloured_by_low_coverage_say_so_on_their_card_and_the_wall_legend_counts_them()
    {
        var (red, yellow) = await GridsAsync();
        var history = new PatrolHistory(dashboard.Db);
        // The record begins 26 h ago (a walk then counts for no visit now), so the 24 h window has run.
        await history.WalkAsync(red.Worker, [red.Assets[0]], DateTimeOffset.UtcNow.AddHours(-26));
        var start = DateTimeOffset.UtcNow.AddHours(-20);
        var redVisits = await history.VisitAsync(red, 0.25, 0.5, start);
        var yellowVisits = await history.VisitAsync(yellow, 0.5, 0.8, start.AddHours(5));
        await CoverageRefresher.DrainAsync(dashboard.Db); // what the server's coverage chore does every 30 s
        await EscalationSweep.RunOnceAsync(dashboard.Db); // the periodic recolouring, run now

        var redShare = await VisitShareAsync(red.Code);
        var yellowShare = await VisitShareAsync(yellow.Code);
        Assert.True(redShare is >= 0.2 and < 0.5, $"premise: {red.Code} is under half visited ({redVisits} walks), not {redShare}");
        Assert.True(yellowShare is >= 0.5 and < 0.8, $"premise: {yellow.Code} is 50–80 % visited ({yellowVisits} walks), not {yellowShare}");
        var coverage = (await dashboard.Api.GetAsync("/api/indicators/" + await DistrictAsync())).GetProperty("patrolCoverage");
        Assert.False(coverage.GetProperty("young").GetBoolean(), "premise: the district's patrol record is older than 24 h");

        var units = await dashboard.Api.TerritoryAsync();
        string StatusOf(string code) => units.Single(u => u.GetProperty("code").GetString() == code).GetProperty("status").GetString()!;
        Assert.Equal("red", StatusOf(red.Code));
        Assert.Equal("yellow", StatusOf(yellow.Code));

        foreach (var (grid, share, rule, threshold) in new[] { (red, redShare, "coverage_low", 50), (yellow, yellowShare, "coverage_thin", 80) })
        {
            await using var page = await dashboard.OpenAsync($"/lead?grid={Uri.EscapeDataString(grid.Code)}", 1920, 1080);
            var reasons = page.Page.Locator("[data-testid=grid-panel] [data-testid=grid-reasons]");
            var reason = reasons.Locator($"li[data-rule={rule}]");
            await reason.WaitForAsync(new() { Timeout = 15_000 });
            var percent = Math.Floor(share * 100).ToString(Invariant);
            Assert.Equal($"巡查覆盖 {percent}% < {threshold}%（近24小时）", await reason.InnerTextAsync());
            Assert.Equal(1, await reasons.Locator("li").CountAsync()); // coverage alone coloured it
            await page.SaveScreenshotAsync($"lead-reason-{rule.Replace('_', '-')}");
        }

        // The wall: the legend counts grids by reason as the API's grids have them, the two grids among them.
        await using var wall = await dashboard.OpenAsync("/wall", 1920, 1080);
        var grids = units.Where(u => u.GetProperty("kind").GetString() is "community_grid" or "dedicated_grid").ToArray();
        foreach (var (status, rule, word) in new[] { ("red", "coverage_low", "覆盖不足"), ("yellow", "coverage_thin", "覆盖偏低") })
        {
            var of = grids.Where(u => u.GetProperty("status").GetString() == status).ToArray();
            var byRule = of.Count(u => u.GetProperty("reasons").EnumerateArray().Any(r => r.GetProperty("rule").GetString() == rule));
            Assert.True(byRule >= 1, $"no {status} grid for {rule}");
            var row = wall.Page.Locator($"[data-testid=legend-reasons] [data-status={status}]");
            Assert.Equal(of.Length.ToString(Invariant), await row.GetAttributeAsync("data-count"));
            Assert.Equal(byRule.ToString(Invariant), await row.Locator($"[data-rule={rule}]").GetAttributeAsync("data-count"));
            Assert.Contains($"{word} {byRule}", await row.TextContentAsync());
        }
        Assert.Equal(0, await wall.Page.Locator("[data-testid=legend-young]").CountAsync()); // the record is old enough: no grid left uncoloured
        await wall.SaveScreenshotAsync("wall-legend-coverage-reasons");
    }

    /// <summary>Two staffed community grids with at least six things to visit, no incident, and under three open hazards.</summary>
    async Task<(PatrolHistory.Grid Red, PatrolHistory.Grid Yellow)> GridsAsync()
    {
        var grids = await PatrolHistory.GridsAsync(dashboard.Db, minAssets: 6, count: 2);
        return (grids[0], grids[1]);
    }

    async Task<double> VisitShareAsync(string grid) =>
        (await dashboard.Api.GetAsync($"/api/grids/{Uri.EscapeDataString(grid)}/coverage?window=24h")).GetProperty("visitShare").GetDouble();

    async Task<string> DistrictAsync() =>
        (await dashboard.Api.TerritoryAsync()).First(u => u.GetProperty("kind").GetString() == "district").GetProperty("code").GetString()!;
}

/// <summary>The coverage reasons' own server: its tracked district turns every unwalked grid red. Run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CoverageReasonCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "coverage-reasons";
}
