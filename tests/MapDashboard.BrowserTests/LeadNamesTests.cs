using System.Text.Json;
using MapDashboard.BrowserTests.Infrastructure;

namespace MapDashboard.BrowserTests;

/// <summary>
/// Names everywhere, codes only as secondary text (issue 18, items 5 and 6): a findings list row names its units (a
/// police grid, a community) and its building, with the codes beneath; the finding popup says the suggested fix GET
/// /api/findings/{id} gives, naming its units; an incident row names its responsible unit even when it is a
/// micro-grid (not in the territory tree).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class LeadNamesTests(DashboardFixture dashboard)
{
    const string Grid = "620102002003-02"; // beside a planted gap, in a community with findings of every kind (data/demo/manifest.json)
    readonly IncidentDesk _desk = new(dashboard.BaseUrl, dashboard.Db);

    [Fact]
    public async Task A_findings_row_names_its_units_and_building_and_the_popup_says_the_suggested_fix_by_name()
    {
        await using var page = await dashboard.OpenAsync($"/lead?grid={Grid}", 1920, 1080);
        var community = (await dashboard.Api.GridAsync(Grid)).GetProperty("community").GetProperty("code").GetString()!;
        var api = (await dashboard.Api.GetAsync($"/api/findings?unit={community}")).GetProperty("features").EnumerateArray().ToArray();
        var rows = page.Page.Locator("[data-testid=finding-list] li[data-id]");
        await rows.First.WaitForAsync(new() { Timeout = 15_000 });
        Assert.Equal(api.Length, await rows.CountAsync());

        var named = 0;
        foreach (var f in api)
        {
            var p = f.GetProperty("properties");
            var names = p.GetProperty("names");
            var units = page.Page.Locator($"[data-testid=finding-list] li[data-id='{f.GetProperty("id").GetInt64()}'] .f-units");
            var text = await units.InnerTextAsync();
            var codes = await units.Locator(".f-codes").InnerTextAsync();
            var lead = text[..^codes.Length]; // the names, before the secondary line of codes
            foreach (var unit in p.GetProperty("units").EnumerateArray().Take(3).Select(u => u.GetString()!))
            {
                Assert.True(names.TryGetProperty(unit, out var name), $"finding {f.GetProperty("id")} has no name for {unit}");
                Assert.Contains(name.GetString()!, lead);
                Assert.DoesNotContain(unit, lead);
                Assert.Contains(unit, codes);
                named++;
            }
            if (p.GetProperty("asset") is { ValueKind: JsonValueKind.Object } asset && asset.GetProperty("name").GetString() is { } building)
                Assert.Contains(building, lead);
        }
        Assert.True(named >= api.Length, "every row names at least one unit");
        Assert.Contains(api, f => f.GetProperty("properties").GetProperty("kind").GetString() == "police_mismatch"); // a police grid by name, e.g. 城关公安分局第17警格
        await page.SaveScreenshotAsync("lead-findings-named");

        // The popup of a finding whose fix names a unit: the fix, worded, with the unit's name.
        var fixable = api.First(f => f.GetProperty("properties").GetProperty("suggestedFix") is { ValueKind: JsonValueKind.Object } fix
                                     && fix.TryGetProperty("unit", out _));
        var fixProps = fixable.GetProperty("properties");
        var fixUnit = fixProps.GetProperty("suggestedFix").GetProperty("unit").GetString()!;
        var one = await dashboard.Api.GetAsync($"/api/findings/{fixable.GetProperty("id").GetInt64()}");
        Assert.Equal(fixProps.GetProperty("suggestedFix").GetRawText(), one.GetProperty("properties").GetProperty("suggestedFix").GetRawText());
        await page.Page.Locator($"[data-testid=finding-list] li[data-id='{fixable.GetProperty("id").GetInt64()}']").ClickAsync();
        var line = page.Page.Locator("[data-testid=finding-popup] [data-testid=finding-fix]");
        await line.WaitForAsync(new() { Timeout = 15_000 });
        var fixText = await line.InnerTextAsync();
        Assert.StartsWith("建议处置", fixText);
        Assert.Contains(one.GetProperty("properties").GetProperty("names").GetProperty(fixUnit).GetString()!, fixText);
        Assert.DoesNotContain(fixUnit, fixText);
        await page.IdleAsync();
        await page.SaveScreenshotAsync("lead-finding-popup-fix");
    }

    [Fact]
    public async Task An_incident_row_names_its_responsible_micro_grid()
    {
        var (micro, parent) = await MicroGridAsync();
        var at = await _desk.PointInsideAsync(micro);
        var code = await _desk.ReportAsync("low_cable", at[0], at[1], "线缆低垂（名称测试）");
        try
        {
            var row = (await dashboard.Api.GetAsync($"/api/incidents?unit={parent}&open=true&limit=100")).EnumerateArray()
                .Single(i => i.GetProperty("code").GetString() == code);
            var responsible = row.GetProperty("responsibleUnit").GetString()!;
            var name = row.GetProperty("responsibleUnitName").GetString()!;
            Assert.Equal(micro, responsible); // premise: the report went to the micro-grid, which the territory tree does not hold

            await using var page = await dashboard.OpenAsync($"/lead?grid={Uri.EscapeDataString(parent)}");
            var item = page.Page.Locator($"[data-testid=grid-incidents] li[data-code='{code}']");
            await item.WaitForAsync(new() { Timeout = 15_000 });
            var text = await item.InnerTextAsync();
            Assert.Contains($"责任单位 {name}", text);
            Assert.DoesNotContain(responsible, text);
            await page.SaveScreenshotAsync("lead-incident-responsible-named");
        }
        finally
        {
            await _desk.DeleteAsync(code);
        }
    }

    /// <summary>A micro-grid of a staffed community grid far down the list (other tests report in the first grids), and that grid.</summary>
    async Task<(string Micro, string Parent)> MicroGridAsync()
    {
        await using var cmd = dashboard.Db.CreateCommand("""
            select m.code, g.code from territory_unit m join territory_unit g on g.id = m.parent_id
            where m.kind = 'micro_grid' and g.kind = 'community_grid' and m.grid_worker_id is not null
            order by m.code desc offset 3 limit 1
            """);
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync(), "the demo district has no staffed micro-grid");
        return (r.GetString(0), r.GetString(1));
    }
}
