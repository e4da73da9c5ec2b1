using MapDashboard.TestSupport;
using MapDashboard.Tools.Bench;
using Microsoft.Playwright;
using Npgsql;

namespace MapDashboard.BrowserTests.Infrastructure;

/// <summary>The resident's pages (/report, /report/track/{token}) on a phone, with no account.</summary>
public static class ResidentPages
{
    /// <summary>A point of the test community that a report routes to a worker, away from open incidents (no duplicate).</summary>
    public static async Task<(double Lon, double Lat)> FreePointAsync(NpgsqlDataSource db)
    {
        var accounts = new TestAccounts(db);
        await accounts.EnsureAsync("worker");
        await accounts.EnsureAsync("community");
        await using var cmd = db.CreateCommand("""
            select ST_X(p.geom), ST_Y(p.geom)
            from account a
            join territory_unit c on c.id = a.unit_id
            cross join ST_Dump(ST_GeneratePoints(ST_Buffer(c.boundary, -0.00015), 400, 15)) p
            join territory_unit u on u.id = unit_covering(p.geom)
            left join territory_unit up on up.id = u.parent_id
            where a.user_name = 'test-community' and u.kind <> 'community' and coalesce(u.grid_worker_id, up.grid_worker_id) is not null
              and not exists (select 1 from incident i where i.stage <> 'closed' and ST_DWithin(i.location::geography, p.geom::geography, 80))
            order by p.path limit 1
            """);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "no free point of the test community goes to a worker");
        return (reader.GetDouble(0), reader.GetDouble(1));
    }

    /// <summary>A phone (390×844, touch, zh-CN) with geolocation granted and the phone at <paramref name="at"/>.</summary>
    public static Task<IBrowserContext> PhoneAsync(IBrowser browser, string baseUrl, (double Lon, double Lat) at) =>
        browser.NewContextAsync(new()
        {
            BaseURL = baseUrl, ViewportSize = new() { Width = 390, Height = 844 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true,
            Locale = "zh-CN", Permissions = ["geolocation"], Geolocation = new() { Longitude = (float)at.Lon, Latitude = (float)at.Lat, Accuracy = 10 },
        });

    /// <summary>Fills /report at the phone's position with one photo, checks the form took it, and sends it; the tracking link's path.</summary>
    public static async Task<string> ReportWithPhotoAsync(IPage page, string category, string description, int photoSeed, string? formShot = null)
    {
        await page.GotoAsync("/report");
        await Assertions.TextContainsAsync(page.Locator(".resident-title"), "我要上报");
        await page.Locator($"[data-testid=report-category] option[value={category}]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("[data-testid=report-locate]").ClickAsync();
        await Assertions.TextContainsAsync(page.Locator("[data-testid=report-place]"), "已选位置");
        await page.Locator("[data-testid=report-category]").SelectOptionAsync(category);
        await page.Locator("[data-testid=report-description]").FillAsync(description);
        await page.Locator("[data-testid=report-photos]").SetInputFilesAsync(new FilePayload
        {
            Name = "IMG_0001.jpg", MimeType = "image/jpeg", Buffer = PhonePhotos.Jpeg(photoSeed, 640, 480),
        });
        await Assertions.TextContainsAsync(page.Locator(".resident-photos .resident-note"), "已选 1 / 6 张");
        Assert.Equal(1, await page.Locator("[data-testid=report-previews] img").CountAsync());
        if (formShot is not null) await ShotAsync(page, formShot);

        await page.Locator("[data-testid=report-submit]").ClickAsync();
        var link = page.Locator("[data-testid=report-track-link]");
        await link.WaitForAsync(new() { Timeout = 30_000 });
        Assert.False(await page.Locator(".resident-form").IsVisibleAsync(), "the form stays on screen after sending");
        var trackingUrl = (await link.GetAttributeAsync("href"))!;
        Assert.Matches("^/report/track/[A-Za-z0-9_-]{43}$", trackingUrl);
        return trackingUrl;
    }

    /// <summary>The newest incident residents reported (the one the test just sent: the collection runs one test at a time).</summary>
    public static async Task<string> NewestReportAsync(NpgsqlDataSource db)
    {
        await using var find = db.CreateCommand("select i.code from incident i where i.source = 'resident' order by i.id desc limit 1");
        var code = await find.ExecuteScalarAsync() as string;
        Assert.NotNull(code);
        return code;
    }

    /// <summary>Rates the resolved incident on its tracking page; the page then says 已关闭.</summary>
    public static async Task RateAsync(IPage page, int stars, string comment)
    {
        await page.Locator($"[data-testid=rate-{stars}]").ClickAsync();
        await page.Locator("[data-testid=rate-comment]").FillAsync(comment);
        await page.Locator("[data-testid=rate-submit]").ClickAsync();
        await Assertions.TextContainsAsync(page.Locator("[data-testid=track-stage]"), "已关闭");
    }

    public static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(MapPage.ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(MapPage.ScreenshotFolder, name + ".png"), FullPage = true });
    }
}
