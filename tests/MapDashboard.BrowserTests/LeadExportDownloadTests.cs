using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using MapDashboard.BrowserTests.Infrastructure;
using MapDashboard.Domain.Permissions;
using MapDashboard.TestSupport;
using Microsoft.Playwright;

namespace MapDashboard.BrowserTests;

/// <summary>
/// The download buttons of a street's overview on /lead, clicked by a street account: each file arrives under the
/// street's name with its media type; every GeoJSON holds exactly the features of the street's land the database
/// has, its GeoPackage the same number (read by GDAL); both CSVs start with a UTF-8 byte order mark and Chinese
/// column names. Personal data stays masked for whoever may not see it in full: the workers layer of the same export
/// door names a worker masked to the street account (unless it reveals, which it may in its street) and masked to a
/// planner even when it asks to reveal.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class LeadExportDownloadTests(DashboardFixture dashboard)
{
    readonly IncidentDesk _desk = new(dashboard.BaseUrl, dashboard.Db);

    static readonly Dictionary<string, string> MediaTypes = new()
    {
        ["geojson"] = "application/geo+json", ["gpkg"] = "application/geopackage+sqlite3", ["csv"] = "text/csv; charset=utf-8",
    };

    /// <summary>How many features of each layer touch the unit's land, as the layers' export queries choose them.</summary>
    static readonly Dictionary<string, string> CountSql = new()
    {
        ["grids"] = "select count(*) from territory_unit t, u where t.kind in ('community_grid', 'dedicated_grid', 'micro_grid', 'police_grid') and ST_Intersects(t.boundary, u.boundary)",
        ["buildings"] = "select count(*) from building b, u where ST_Intersects(b.footprint, u.boundary)",
        ["hazards"] = "select count(*) from hazard h, u where ST_Intersects(h.location, u.boundary)",
        ["incidents"] = "select count(*) from incident i, u where ST_Intersects(i.location, u.boundary)",
    };

    [Fact]
    public async Task A_street_account_downloads_every_export_of_its_street_named_typed_and_counted_with_personal_data_masked()
    {
        var accounts = new TestAccounts(dashboard.Db);
        await accounts.EnsureAsync("street");
        await accounts.EnsureAsync("planner");
        var (street, streetName) = await UnitOfAsync("street");
        var folder = Directory.CreateTempSubdirectory("mapdashboard-downloads-").FullName;
        // One incident in the street at least, so its exports have a row to count.
        var (community, _) = await UnitOfAsync("planner");
        var at = await _desk.PointInsideAsync($"{community}-01");
        var reported = await _desk.ReportAsync("parking", at[0], at[1], "导出测试：小区门口车辆乱停放");
        try
        {
            await DownloadAndCheckAsync(street, streetName, folder);
        }
        finally
        {
            await _desk.DeleteAsync(reported);
        }
    }

    async Task DownloadAndCheckAsync(string street, string streetName, string folder)
    {
        await using var page = await MapPage.OpenAsync(dashboard.Browser, dashboard.BaseUrl, $"/lead?unit={street}", signIn: false,
            prepare: context => BrowserAccount.SignInAsync(context, dashboard.BaseUrl, As("street")));
        var links = page.Page.Locator("[data-testid=unit-overview] [data-testid=export-links] a[data-export]");
        await links.First.WaitForAsync(new() { Timeout = 15_000 });
        var exports = await links.EvaluateAllAsync<string[]>("(as) => as.map((a) => a.dataset.export)");
        Assert.Equal(10, exports.Length); // four layers × GeoPackage and GeoJSON, the incidents and the indicators
        var incidentsBefore = await CountAsync("incidents", street);

        var files = new Dictionary<string, string>();
        foreach (var export in exports)
        {
            var download = await page.Page.RunAndWaitForDownloadAsync(() =>
                page.Page.Locator($"[data-testid=export-links] a[data-export='{export}']").ClickAsync());
            var (layer, format) = (export[..export.LastIndexOf('.')], export[(export.LastIndexOf('.') + 1)..]);
            Assert.Equal($"{streetName}-{layer}.{format}", download.SuggestedFilename);
            files[export] = Path.Combine(folder, download.SuggestedFilename);
            await download.SaveAsAsync(files[export]);
            var path = format == "csv" ? $"/api/exports/{street}/{layer}.csv" : $"/api/exports/{street}/layers/{layer}.{format}";
            Assert.Equal(path, new Uri(download.Url).AbsolutePath);
            // A download does not expose its media type (nor does routing see a download): the same request, in the same session, does.
            var again = await page.Context.APIRequest.GetAsync(download.Url);
            Assert.Equal(MediaTypes[format], again.Headers["content-type"]);
        }
        var incidentsAfter = await CountAsync("incidents", street);
        await page.SaveScreenshotAsync("lead-export-downloads");

        foreach (var layer in new[] { "grids", "buildings", "hazards", "incidents" })
        {
            var features = JsonNode.Parse(await File.ReadAllTextAsync(files[$"{layer}.geojson"]))!["features"]!.AsArray();
            if (layer == "incidents") Assert.InRange(features.Count, incidentsBefore, incidentsAfter); // other tests may report meanwhile
            else Assert.Equal(await CountAsync(layer, street), features.Count);
            Assert.True(features.Count > 0, $"no {layer} in the street: the test would prove nothing");
            var gpkg = await File.ReadAllBytesAsync(files[$"{layer}.gpkg"]);
            Assert.Equal("SQLite format 3\0", Encoding.ASCII.GetString(gpkg, 0, 16));
            Assert.Contains($"Feature Count: {features.Count}", Ogrinfo(files[$"{layer}.gpkg"], layer));
        }
        foreach (var (csv, header) in new[] { ("incidents.csv", "编号,类别,阶段,上报时间"), ("indicators.csv", "指标,数值") })
        {
            var bytes = await File.ReadAllBytesAsync(files[csv]);
            Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
            Assert.StartsWith(header, Encoding.UTF8.GetString(bytes[3..]));
        }
        var rows = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(files["incidents.csv"])).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(rows.Length - 1, incidentsBefore, incidentsAfter);

        // Personal data through the same door: a grid worker of the planner's community, placed on the map for this.
        var (worker, community) = await PlaceWorkerAsync();
        try
        {
            Assert.Equal(Masking.Name(worker.Name), await WorkerNameAsync(page.Context, $"/api/exports/{street}/layers/workers.geojson", worker.Code));
            Assert.Equal(worker.Name, await WorkerNameAsync(page.Context, $"/api/exports/{street}/layers/workers.geojson?reveal=true", worker.Code));
            var planner = await dashboard.Browser.NewContextAsync(new() { BaseURL = dashboard.BaseUrl });
            await using (planner)
            {
                await BrowserAccount.SignInAsync(planner, dashboard.BaseUrl, As("planner"));
                Assert.Equal(Masking.Name(worker.Name),
                    await WorkerNameAsync(planner, $"/api/exports/{community}/layers/workers.geojson?reveal=true", worker.Code));
            }
        }
        finally
        {
            if (worker.Placed) await ExecuteAsync("delete from worker_position where worker_id = @id", ("id", worker.Id));
        }
    }

    static BrowserAccount.Account As(string role) => new(TestAccounts.UserNameOf(role), TestAccounts.PasswordOf(role));

    async Task<(string Code, string Name)> UnitOfAsync(string role)
    {
        await using var cmd = dashboard.Db.CreateCommand(
            "select t.code, t.name from account a join territory_unit t on t.id = a.unit_id where a.user_name = @u");
        cmd.Parameters.AddWithValue("u", TestAccounts.UserNameOf(role));
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        return (r.GetString(0), r.GetString(1));
    }

    async Task<int> CountAsync(string layer, string unit)
    {
        await using var cmd = dashboard.Db.CreateCommand($"with u as (select boundary from territory_unit where code = @unit) {CountSql[layer]}");
        cmd.Parameters.AddWithValue("unit", unit);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync());
    }

    sealed record Worker(int Id, string Code, string Name, bool Placed);

    /// <summary>The first grid worker of the planner's community, with a position (one made for this test when it had none).</summary>
    async Task<(Worker Worker, string Community)> PlaceWorkerAsync()
    {
        var (community, _) = await UnitOfAsync("planner");
        await using var cmd = dashboard.Db.CreateCommand("""
            with w as (
                select p.id, p.code, p.name, g.boundary from person p
                join territory_unit g on g.id = p.unit_id join territory_unit c on c.id = g.parent_id
                where c.code = @community and p.role = 'grid_worker' order by p.code limit 1),
            placed as (
                insert into worker_position (worker_id, location, recorded_at, published)
                select w.id, ST_PointOnSurface(w.boundary), now(), true from w
                on conflict (worker_id) do nothing returning worker_id)
            select w.id, w.code, w.name, exists (select 1 from placed) from w
            """);
        cmd.Parameters.AddWithValue("community", community);
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync(), $"no grid worker in {community}");
        return (new Worker(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetBoolean(3)), community);
    }

    static async Task<string?> WorkerNameAsync(IBrowserContext context, string url, string code)
    {
        var response = await context.APIRequest.GetAsync(url);
        Assert.True(response.Ok, $"{url}: {response.Status}");
        var features = JsonNode.Parse(await response.TextAsync())!["features"]!.AsArray();
        var worker = features.Single(f => (string?)f!["properties"]!["code"] == code)!;
        return (string?)worker["properties"]!["name"];
    }

    async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var cmd = dashboard.Db.CreateCommand(sql);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        await cmd.ExecuteNonQueryAsync();
    }

    static string Ogrinfo(string gpkg, string layer)
    {
        var start = new ProcessStartInfo("ogrinfo") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-ro", "-so", gpkg, layer }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"ogrinfo {gpkg}: {errors}");
        return output;
    }
}
