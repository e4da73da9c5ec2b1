using MapDashboard.BrowserTests.Infrastructure;
using MapDashboard.TestSupport;

namespace MapDashboard.BrowserTests;

/// <summary>
/// /admin/import on the real page: an admin sent to sign in lands back on it, uploads the demo's hazards as a zipped
/// GBK Shapefile with one description changed, sees the dry run's report (one update, nothing written) in Chinese and
/// in English, applies it, and the database has the change.
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

    static Task<string?> Count(MapPage page, string key) => page.Page.Locator($"[data-count={key}]").TextContentAsync();

    async Task<string> Description()
    {
        await using var cmd = dashboard.Db.CreateCommand("select description from hazard where code = @c");
        cmd.Parameters.AddWithValue("c", Changed);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}
