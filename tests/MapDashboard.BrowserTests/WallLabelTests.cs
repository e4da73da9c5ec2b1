using System.Text.Json;
using MapDashboard.BrowserTests.Infrastructure;
using MapDashboard.Domain.Permissions;

namespace MapDashboard.BrowserTests;

/// <summary>
/// Worker labels do not pile up (issue 18, item 8): at district zoom the wall draws the walking workers as dots with
/// no label, so no name (nor code) of anyone sits on the wall; zoomed in (a grid on /lead) the labels come back,
/// decluttered by OpenLayers. On the personal-data scan's own server: its pings must not recolour the shared one.
/// </summary>
[Collection(WallPersonalDataCollection.Name)]
public sealed class WallLabelTests(DashboardFixture dashboard)
{
    [Fact]
    public async Task At_district_zoom_the_wall_labels_no_worker_and_a_zoomed_in_map_labels_them_decluttered()
    {
        var walkers = await WalkingWorkers.WalkersAsync(dashboard.Db);
        using var district = BrowserAccount.Client(dashboard.BaseUrl, TimeSpan.FromSeconds(30));
        await WalkingWorkers.WalkAsync(district, walkers);
        var people = await WalkingWorkers.PeopleAsync(dashboard.Db);
        var names = people.SelectMany(p => new[] { p.Name, Masking.Name(p.Name) }).Where(n => n.Length >= 2).Distinct().ToList();

        await using (var wall = await dashboard.OpenAsync("/wall", 1920, 1080))
        {
            await wall.WaitUntilAsync("(codes) => codes.every((c) => window.mapDashboard.renderedFeatures('workers').some((w) => w.code === c))",
                walkers.Select(w => w.Code).ToArray(), "the walking workers on the wall");
            await wall.IdleAsync();
            await wall.SaveScreenshotAsync("wall-workers-district-zoom");
            var workerLabels = await LabelsAsync(wall, "workers");
            Assert.True(workerLabels.Texts.Length == 0, $"at district zoom the wall labels workers: {string.Join(" | ", workerLabels.Texts.Take(10))}");
            // No layer's label names a person (street and community names, incident stage marks only).
            foreach (var layer in await wall.HookAsync<string[]>("layerNames()"))
            {
                var texts = (await LabelsAsync(wall, layer)).Texts;
                var named = texts.Where(t => names.Any(n => t.Contains(n, StringComparison.Ordinal))).ToList();
                Assert.True(named.Count == 0, $"the wall's {layer} labels name people: {string.Join(" | ", named)}");
            }
        }

        // Zoomed in to a walker's grid on the desk: a label per worker in view again, decluttered.
        await using var lead = await dashboard.OpenAsync($"/lead?grid={walkers[0].Grid}", 1600, 900);
        await lead.WaitUntilAsync("(c) => window.mapDashboard.renderedFeatures('workers').some((w) => w.code === c)", walkers[0].Code, "the walker on /lead");
        await lead.IdleAsync();
        await lead.SaveScreenshotAsync("lead-workers-zoomed-in");
        var zoomed = await LabelsAsync(lead, "workers");
        Assert.True(zoomed.Declutter, "worker labels are not decluttered");
        Assert.NotEmpty(zoomed.Texts);
        Assert.All(zoomed.Texts, t => Assert.Contains(" · ", t)); // "name · age of the last ping"
    }

    sealed record Labels(string[] Texts, bool Declutter);

    static async Task<Labels> LabelsAsync(MapPage page, string layer)
    {
        var answer = await page.HookAsync<JsonElement>("labels(arg)", layer);
        return new Labels(answer.GetProperty("texts").EnumerateArray().Select(t => t.GetString()!).ToArray(), answer.GetProperty("declutter").GetBoolean());
    }
}
