using Microsoft.Playwright;

namespace MapDashboard.BrowserTests.Infrastructure;

/// <summary>
/// One headless Debian chromium per test collection. Playwright must never download a
/// browser (CI has no route to its CDN): we always hand it /usr/bin/chromium.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // --disable-gpu with SwiftShader keeps canvas rendering deterministic; never
    // --disable-software-rasterizer, which would leave no rasteriser at all.
    static readonly string[] Args =
    [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
    ];

    IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"{ExecutablePath} is missing: apt-get install chromium fonts-noto-cjk");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Args,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
    }
}
