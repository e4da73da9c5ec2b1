using System.Text.Json.Nodes;
using MapDashboard.BrowserTests.Infrastructure;
using MapDashboard.TestSupport;

namespace MapDashboard.BrowserTests;

/// <summary>
/// /admin/import on the real page: an admin sent to sign in lands back on it, uploads the demo's hazards as a zipped
/// GBK Shapefile with one description changed, sees the dry run's report (one update, nothing written) in Chinese and
/// in English, applies it, and the database has the change. A GeoPackage of several tables is refused naming them
/// until the page's table field names one.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class AdminImportPageTests(DashboardFixture dashboard)
{
    const string Changed = "H00200";

    [Fact]
    public async Task An_admin_checks_a_zipped_gbk_shapefile_sees_the_report_in_both_languages_and_applies_it()
    {
        await new TestAccounts(dashboard.Db).EnsureAsync("admin");
        var original = await Description();
        var description = original + "（已复查）";
        var zip = DemoSurveyFiles.Zip(DemoSurveyFiles.ShapefileGbk4326(DemoSurveyFiles.HazardsGeoJson("browser-hazards",
            p => { if ((string)p["隐患编码"]! == Changed) p["描述"] = description; return p; })));
        await using var page = await MapPage.OpenAsync(dashboard.Browser, dashboard.BaseUrl, "/admin/import", signIn: false, waitReady: false);
        try
        {
            await page.Page.WaitForURLAsync("**/signin?returnUrl=*");
            await page.Page.Locator("[data-testid=signin-user]").FillAsync(TestAccounts.UserNameOf("admin"));
            await page.Page.Locator("[data-testid=signin-password]").FillAsync(TestAccounts.PasswordOf("admin"));
            await page.Page.Locator("[data-testid=signin-submit]").ClickAsync();
            await page.Page.WaitForURLAsync("**/admin/import");

            await page.Page.Locator("[data-testid=import-file]").SetInputFilesAsync(zip);
            await page.Page.Locator("[data-testid=import-layer]").SelectOptionAsync("hazards");
            await page.Page.Locator("[data-testid=import-encoding]").SelectOptionAsync("gbk");
            await page.Page.Locator("[data-testid=import-check]").ClickAsync();

            var report = page.Page.Locator("[data-testid=import-report]");
            await report.WaitForAsync(new() { Timeout = 60_000 });
            Assert.Equal("试运行：尚未写入", await page.Page.Locator("[data-testid=import-state]").TextContentAsync());
            // The shared browser-test database: other tests may have moved or deleted demo hazards before this one,
            // so the file's 200 rows split into at least our one update, the others' re-inserts and the unchanged.
            var updated = int.Parse(await Count(page, "importUpdated") ?? "");
            var unchanged = int.Parse(await Count(page, "importUnchanged") ?? "");
            var inserted = int.Parse(await Count(page, "importInserted") ?? "");
            Assert.InRange(updated, 1, 5);
            Assert.Equal(200, updated + unchanged + inserted);
            Assert.Equal("0", await Count(page, "importErrors"));
            Assert.Equal(original, await Description()); // the dry run wrote nothing
            Assert.True(await page.Page.Locator("[data-testid=import-apply]").IsVisibleAsync());
            await page.SaveScreenshotAsync("admin-import-report-zh");

            await page.Page.Locator("[data-testid=lang-switch]").ClickAsync();
            Assert.Equal("Dry run: nothing written yet", await page.Page.Locator("[data-testid=import-state]").TextContentAsync());
            Assert.Equal("Apply", await page.Page.Locator("[data-testid=import-apply]").TextContentAsync());
            await page.SaveScreenshotAsync("admin-import-report-en");

            await page.Page.Locator("[data-testid=import-apply]").ClickAsync();
            await page.Page.Locator("[data-testid=import-report][data-written=true]").WaitForAsync(new() { Timeout = 60_000 });
            Assert.Equal("Written", await page.Page.Locator("[data-testid=import-state]").TextContentAsync());
            Assert.False(await page.Page.Locator("[data-testid=import-apply]").IsVisibleAsync());
            Assert.Equal(description, await Description());
            await page.SaveScreenshotAsync("admin-import-applied-en");
        }
        finally
        {
            // The collection's other tests share this district: put the hazard back as the demo has it.
            await using var restore = dashboard.Db.CreateCommand("update hazard set description = @d where code = @c");
            restore.Parameters.AddWithValue("d", original);
            restore.Parameters.AddWithValue("c", Changed);
            await restore.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task The_file_chooser_and_the_report_s_hints_speak_the_page_s_language_and_lead_links_here_for_admins_only()
    {
        await new TestAccounts(dashboard.Db).EnsureAsync("admin");
        // One grid drawn as a bow tie (self-intersecting): the report says how to have it repaired.
        var grid = DemoSurveyFiles.CommunityGrids.First();
        var ring = grid["geometry"]!["type"]!.GetValue<string>() == "MultiPolygon" ? grid["geometry"]!["coordinates"]![0]![0]! : grid["geometry"]!["coordinates"]![0]!;
        var xs = ring.AsArray().Select(c => (double)c![0]!).ToArray();
        var ys = ring.AsArray().Select(c => (double)c![1]!).ToArray();
        var (x0, x1, y0, y1) = (xs.Min(), xs.Max(), ys.Min(), ys.Max());
        var bowTie = DemoSurveyFiles.Write("browser-bowtie", [new JsonObject
        {
            ["type"] = "Feature",
            ["properties"] = new JsonObject { ["网格编码"] = "620102001001099", ["网格名称"] = "测试网格" },
            ["geometry"] = new JsonObject
            {
                ["type"] = "Polygon",
                ["coordinates"] = new JsonArray(new JsonArray(Point(x0, y0), Point(x1, y1), Point(x1, y0), Point(x0, y1), Point(x0, y0))),
            },
        }]);
        await using var page = await MapPage.OpenAsync(dashboard.Browser, dashboard.BaseUrl, "/admin/import", signIn: false, waitReady: false,
            prepare: context => BrowserAccount.SignInAsync(context, dashboard.BaseUrl, As("admin")));
        var chooser = page.Page.Locator("[data-testid=import-file-button]");
        await chooser.WaitForAsync();

        // The page's own button, in the page's language; the native input (which words itself in the browser's) is hidden.
        Assert.Equal("选择文件…", await chooser.TextContentAsync());
        Assert.Equal("未选择文件", await page.Page.Locator("[data-testid=import-file-name]").TextContentAsync());
        Assert.False(await page.Page.Locator("[data-testid=import-file]").IsVisibleAsync());
        var chosen = await page.Page.RunAndWaitForFileChooserAsync(() => chooser.ClickAsync()); // the button opens the file dialog
        await chosen.SetFilesAsync(bowTie);
        Assert.Equal("browser-bowtie.geojson", await page.Page.Locator("[data-testid=import-file-name]").TextContentAsync());
        await page.Page.Locator("[data-testid=import-layer]").SelectOptionAsync("grids");
        Assert.Contains("organisations", await page.Page.Locator("[data-testid=import-layer] option").EvaluateAllAsync<string[]>("(os) => os.map((o) => o.value)"));
        await page.Page.Locator("[data-testid=import-check]").ClickAsync();
        var problem = page.Page.Locator("[data-testid=import-problem].import-error", new() { HasText = "几何无效" });
        await problem.WaitForAsync(new() { Timeout = 60_000 });

        // The hint names the checkbox the page has, as the page words it — not the command's --repair.
        var repairLabel = page.Page.Locator("label:has([data-testid=import-repair]) span");
        var hint = await problem.InnerTextAsync();
        Assert.Contains($"勾选“{await repairLabel.InnerTextAsync()}”", hint);
        Assert.DoesNotContain("--", hint);
        Assert.DoesNotContain("Choose", await page.Page.Locator("body").InnerTextAsync());
        await page.SaveScreenshotAsync("admin-import-hint-zh");
        await page.Page.Locator("[data-testid=lang-switch]").ClickAsync();
        Assert.Equal("Choose file…", await chooser.TextContentAsync());
        var problemEn = page.Page.Locator("[data-testid=import-problem].import-error", new() { HasText = "invalid geometry" });
        Assert.Contains($"tick “{await repairLabel.InnerTextAsync()}”", await problemEn.InnerTextAsync());
        await page.SaveScreenshotAsync("admin-import-hint-en");

        // /lead: the admin has a link here in the top bar; the district account (no admin) has none.
        await page.Page.GotoAsync("/lead");
        var link = page.Page.Locator("[data-testid=admin-import-link]");
        await link.WaitForAsync(new() { Timeout = 15_000 });
        Assert.Equal("/admin/import", await link.GetAttributeAsync("href"));
        await page.SaveScreenshotAsync("lead-admin-import-link");
        await using var district = await MapPage.OpenAsync(dashboard.Browser, dashboard.BaseUrl, "/lead");
        // The dispatch desk appears once the page knows the account, after the link's own decision on the same answer.
        await district.Page.Locator("[data-testid=desk-queue]").WaitForAsync(new() { Timeout = 15_000 });
        Assert.Equal(0, await district.Page.Locator("[data-testid=admin-import-link]").CountAsync());
    }

    [Fact]
    public async Task A_geopackage_of_several_tables_is_refused_naming_them_until_the_table_field_names_one()
    {
        await new TestAccounts(dashboard.Db).EnsureAsync("admin");
        var gpkg = DemoSurveyFiles.GridsAndPoliceGeoPackage("browser-tables");
        await using var page = await MapPage.OpenAsync(dashboard.Browser, dashboard.BaseUrl, "/admin/import", signIn: false, waitReady: false,
            prepare: context => BrowserAccount.SignInAsync(context, dashboard.BaseUrl, As("admin")));
        var table = page.Page.Locator("[data-testid=import-table]");
        await table.WaitForAsync();
        await page.Page.Locator("[data-testid=import-file]").SetInputFilesAsync(gpkg);
        await page.Page.Locator("[data-testid=import-layer]").SelectOptionAsync("grids");
        await page.Page.Locator("[data-testid=import-check]").ClickAsync();

        // Refused, naming both tables and the page's own field for them, as the page words it.
        var message = page.Page.Locator("[data-testid=import-message]", new() { HasText = "网格、警格" });
        await message.WaitForAsync(new() { Timeout = 60_000 });
        var tableLabel = await page.Page.Locator("label:has([data-testid=import-table]) span").InnerTextAsync();
        Assert.Equal("要素表（GeoPackage，可选）", tableLabel);
        Assert.Contains($"请在“{tableLabel}”一栏填写其中一个", await message.InnerTextAsync());
        Assert.Equal(0, await page.Page.Locator("[data-testid=import-report]").CountAsync());
        await page.SaveScreenshotAsync("admin-import-tables-refused-zh");
        // The refusal follows the language switch, naming the field by its English label.
        await page.Page.Locator("[data-testid=lang-switch]").ClickAsync();
        await page.Page.Locator("[data-testid=import-message]", new() { HasText = "feature tables (网格, 警格)" }).WaitForAsync(new() { Timeout = 5_000 });
        Assert.Equal("Import failed: the GeoPackage holds 2 feature tables (网格, 警格); enter one of them under “Feature table (GeoPackage, optional)”",
            await page.Page.Locator("[data-testid=import-message]").InnerTextAsync());
        await page.SaveScreenshotAsync("admin-import-tables-refused-en");
        await page.Page.Locator("[data-testid=lang-switch]").ClickAsync();

        await table.FillAsync("警格");
        await page.Page.Locator("[data-testid=import-check]").ClickAsync();
        await page.Page.Locator("[data-testid=import-report]").WaitForAsync(new() { Timeout = 60_000 });
        Assert.Equal("30", await Count(page, "importRows"));
        Assert.Equal("试运行：尚未写入", await page.Page.Locator("[data-testid=import-state]").TextContentAsync());
        await page.Page.Locator("[data-testid=lang-switch]").ClickAsync();
        Assert.Equal("Feature table (GeoPackage, optional)", await page.Page.Locator("label:has([data-testid=import-table]) span").InnerTextAsync());
        await page.SaveScreenshotAsync("admin-import-table-en");
    }

    static JsonArray Point(double x, double y) => new(x, y);

    static BrowserAccount.Account As(string role) => new(TestAccounts.UserNameOf(role), TestAccounts.PasswordOf(role));

    static Task<string?> Count(MapPage page, string key) => page.Page.Locator($"[data-count={key}]").TextContentAsync();

    async Task<string> Description()
    {
        await using var cmd = dashboard.Db.CreateCommand("select description from hazard where code = @c");
        cmd.Parameters.AddWithValue("c", Changed);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}
