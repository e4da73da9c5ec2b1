using System.Text.Json;
using Microsoft.Playwright;

namespace MapDashboard.BrowserTests.Infrastructure;

/// <summary>
/// One view of the client in a fresh browser context, read through window.mapDashboard
/// (the client's read-only test hook, src/MapDashboard.Web/src/hook.ts) and through
/// real screenshot pixels.
/// </summary>
public sealed class MapPage : IAsyncDisposable
{
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    readonly IBrowserContext _context;
    readonly List<string> _consoleErrors = [];
    public IPage Page { get; }

    MapPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        Page.Console += (_, m) => { if (m.Type == "error") _consoleErrors.Add(m.Text); };
        Page.PageError += (_, e) => _consoleErrors.Add(e);
    }

    public IReadOnlyList<string> ConsoleErrors => _consoleErrors;

    /// <summary>Open a view, signed in as <see cref="BrowserAccount.Default"/> (unless <paramref name="signIn"/> is false), and wait until the hook says every tile of the first render is in.</summary>
    public static async Task<MapPage> OpenAsync(IBrowser browser, string baseUrl, string path, int width = 1600, int height = 900, string? locale = "zh-CN",
        bool signIn = true, bool waitReady = true, string? timezoneId = null, Func<IBrowserContext, Task>? prepare = null)
    {
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = baseUrl,
            ViewportSize = new() { Width = width, Height = height },
            DeviceScaleFactor = 1,
            Locale = locale,
            TimezoneId = timezoneId, // null: the machine's
        });
        if (signIn) await BrowserAccount.SignInAsync(context, baseUrl);
        // e.g. install Playwright's clock before the page's first script, or a route that fails some requests
        if (prepare is not null) await prepare(context);
        var page = await context.NewPageAsync();
        var mapPage = new MapPage(context, page);
        await page.GotoAsync(signIn ? WithoutTour(path) : path); // signed out, the path is the sign-in page's returnUrl
        if (waitReady) await mapPage.WaitReadyAsync();
        return mapPage;
    }

    /// <summary>
    /// The wall's focus tour zooms the map on the wall clock's period (every 28 s, whenever the page opened), which
    /// would move the view under a test that reads the district; only the focus test asks for it (/wall?tour=on).
    /// </summary>
    static string WithoutTour(string path) =>
        path.StartsWith("/wall") && !path.Contains("tour=") ? path + (path.Contains('?') ? "&" : "?") + "tour=off" : path;

    /// <summary>The page's browser context: offline, geolocation, permissions.</summary>
    public IBrowserContext Context => _context;

    /// <summary>
    /// A view on a phone (390×844, touch, mobile), signed in as <paramref name="account"/>, with geolocation granted and
    /// the phone at <paramref name="at"/> (move it with Context.SetGeolocationAsync).
    /// </summary>
    public static async Task<MapPage> OpenOnPhoneAsync(IBrowser browser, string baseUrl, string path, BrowserAccount.Account account, (double Lon, double Lat) at,
        Func<IBrowserContext, Task>? prepare = null)
    {
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = baseUrl, ViewportSize = new() { Width = 390, Height = 844 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true,
            Locale = "zh-CN", Permissions = ["geolocation"], Geolocation = new() { Longitude = (float)at.Lon, Latitude = (float)at.Lat, Accuracy = 8 },
        });
        await BrowserAccount.SignInAsync(context, baseUrl, account);
        if (prepare is not null) await prepare(context); // e.g. a fake clock, in place before the page's first script
        var page = await context.NewPageAsync();
        var mapPage = new MapPage(context, page);
        await page.GotoAsync(path);
        await mapPage.WaitReadyAsync();
        return mapPage;
    }

    public async Task WaitReadyAsync()
    {
        try
        {
            await Page.WaitForFunctionAsync("() => window.mapDashboard && window.mapDashboard.ready", null, new() { Timeout = 45_000 });
        }
        catch (TimeoutException)
        {
            var hooked = await Page.EvaluateAsync<bool>("() => window.mapDashboard !== undefined");
            throw new TimeoutException(hooked
                ? $"the map never became ready; console errors: {string.Join(" | ", _consoleErrors)}"
                : "the page has no window.mapDashboard: the web client was built without the test hook " +
                  "(build it with MAPDASHBOARD_TEST_HOOK=1 bash src/scripts/build-web.sh, as src/scripts/test.sh does)");
        }
    }

    /// <summary>Wait for the next complete render after the view stops moving.</summary>
    public Task IdleAsync() => Page.EvaluateAsync("() => window.mapDashboard.idle()");

    public Task<T> HookAsync<T>(string expression, object? arg = null) =>
        Page.EvaluateAsync<T>($"(arg) => window.mapDashboard.{expression}", arg);

    /// <summary>Properties of the features a layer rendered in the view (the hook's renderedFeatures).</summary>
    public async Task<JsonElement[]> RenderedFeaturesAsync(string layer) =>
        (await HookAsync<JsonElement>("renderedFeatures(arg)", layer)).EnumerateArray().ToArray();

    public Task<Dictionary<string, int>> RenderedCountsAsync() => HookAsync<Dictionary<string, int>>("renderedCounts()");

    /// <summary>Current view extent, EPSG:4326 [minLon, minLat, maxLon, maxLat].</summary>
    public Task<double[]> ExtentAsync() => HookAsync<double[]>("extent()");

    /// <summary>Metres per pixel of the view at its zoom (EPSG:3857, OpenLayers' default grid): what levelOfDetail.ts compares.</summary>
    public async Task<double> ResolutionAsync() => 156543.03392804097 / Math.Pow(2, await HookAsync<double>("zoom()"));

    public async Task<JsonElement?> ProbeGridFillAsync(string? status = null)
    {
        var probe = await Page.EvaluateAsync<JsonElement>("(s) => window.mapDashboard.probeGridFill(undefined, s ?? undefined)", status);
        return probe.ValueKind == JsonValueKind.Object ? probe : null;
    }

    /// <summary>
    /// The RGB of one page pixel in a real screenshot. The PNG is decoded by the browser
    /// itself (createImageBitmap), so the test needs no image library.
    /// </summary>
    public async Task<int[]> ScreenshotPixelAsync(int x, int y) => (await ScreenshotPixelsAsync(null, (x, y)))[0];

    /// <summary>One screenshot, saved as <paramref name="saveAs"/> (unless null), and the RGB of each pixel asked for.</summary>
    public async Task<int[][]> ScreenshotPixelsAsync(string? saveAs, params (int X, int Y)[] pixels)
    {
        var png = await Page.ScreenshotAsync(new() { Type = ScreenshotType.Png });
        if (saveAs is not null)
        {
            Directory.CreateDirectory(ScreenshotFolder);
            await File.WriteAllBytesAsync(Path.Combine(ScreenshotFolder, saveAs + ".png"), png);
        }
        return await Page.EvaluateAsync<int[][]>(
            """
            async ({ b64, pixels }) => {
              const blob = await (await fetch('data:image/png;base64,' + b64)).blob();
              const bitmap = await createImageBitmap(blob);
              const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
              const ctx = canvas.getContext('2d');
              ctx.drawImage(bitmap, 0, 0);
              return pixels.map(([x, y]) => Array.from(ctx.getImageData(x, y, 1, 1).data.slice(0, 3)));
            }
            """,
            new { b64 = Convert.ToBase64String(png), pixels = pixels.Select(p => new[] { p.X, p.Y }).ToArray() });
    }

    /// <summary>Polls a predicate in the page (arg passed as its argument) until it is truthy.</summary>
    public async Task WaitUntilAsync(string predicate, object? arg, string what, int timeoutMs = 15_000)
    {
        try
        {
            await Page.WaitForFunctionAsync(predicate, arg, new() { Timeout = timeoutMs, PollingInterval = 100 });
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"waited {timeoutMs} ms for {what}; live: {await Page.EvaluateAsync<string>("() => JSON.stringify(window.mapDashboard.live())")}; console errors: {string.Join(" | ", _consoleErrors)}");
        }
    }

    /// <summary>
    /// Marks this document: a reload (or any navigation) makes a new window without the
    /// mark, so <see cref="WasNotReloadedAsync"/> proves an update happened in place.
    /// </summary>
    public Task MarkDocumentAsync() => Page.EvaluateAsync("() => { window.__notReloaded = 'same document' }");

    public async Task<bool> WasNotReloadedAsync() =>
        await Page.EvaluateAsync<string?>("() => window.__notReloaded ?? null") == "same document";

    public async Task<string> SaveScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await Page.ScreenshotAsync(new() { Path = path, Type = ScreenshotType.Png });
        return path;
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
