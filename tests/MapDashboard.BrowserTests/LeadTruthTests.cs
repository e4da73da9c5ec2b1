using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MapDashboard.BrowserTests.Infrastructure;

namespace MapDashboard.BrowserTests;

/// <summary>
/// /lead says what is true, in the reader's language (issue 18): a finding whose case closed while the gap remains
/// stays open and hatched; a link that names nothing says so and offers the search (a community's code opens its
/// overview); the Chinese page has no English words; the English layout does not clip at 1366×768 or 1920×1080.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class LeadTruthTests(DashboardFixture dashboard)
{
    readonly IncidentDesk _desk = new(dashboard.BaseUrl, dashboard.Db);
    readonly HttpClient _http = BrowserAccount.Client(dashboard.BaseUrl, TimeSpan.FromSeconds(60));

    [Fact]
    public async Task A_case_closed_while_the_gap_remains_leaves_the_finding_open_and_hatched()
    {
        const string grid = "620102001003-06"; // beside the planted gap of community 620102001003 (data/demo/manifest.json)
        var gap = (await dashboard.Api.GetAsync("/api/findings?unit=620102001003&kind=gap")).GetProperty("features").EnumerateArray()
            .First(f => f.GetProperty("properties").GetProperty("units")[0].GetString() == "620102001003");
        var id = gap.GetProperty("id").GetInt64();
        var key = gap.GetProperty("properties").GetProperty("key").GetString()!;
        var opened = await _http.PostAsJsonAsync($"/api/findings/{id}/case", new { actor = "领导" });
        opened.EnsureSuccessStatusCode();
        var code = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("properties").GetProperty("caseIncidentCode").GetString()!;
        try
        {
            // The case runs its whole course, as the street would run it, and closes; nobody moved a boundary.
            foreach (var (step, body) in new (string, object)[]
                     {
                         ("accept", new { actor = "社区网格员" }), ("resolve", new { actor = "社区网格员", note = "已协调" }),
                         ("rate", new { actor = "居民", rating = 5 }), ("close", new { actor = "社区派单员" }),
                     })
                (await _http.PostAsJsonAsync($"/api/incidents/{code}/{step}", body)).EnsureSuccessStatusCode();

            await using var page = await dashboard.OpenAsync($"/lead?grid={grid}");
            var item = page.Page.Locator($"[data-testid=finding-list] li[data-id='{id}']");
            await item.WaitForAsync(new() { Timeout = 15_000 });
            await item.ClickAsync();
            var popup = page.Page.Locator("[data-testid=finding-popup]");
            await Assertions.TextContainsAsync(popup.Locator("[data-testid=finding-history]"), $"案件 {code} 已关闭，但复核仍检测到该问题，重新打开");
            Assert.Contains("新发现", await popup.InnerTextAsync()); // its status before the case
            // Open again: a new case can be opened from the popup.
            Assert.Equal("立案派单", await popup.Locator("[data-testid=open-case]").InnerTextAsync());
            await page.IdleAsync();
            await page.SaveScreenshotAsync("lead-finding-case-closed-gap-remains");

            // Still drawn on the findings layer (hatched: the layer's style draws only new and assigned findings).
            var drawn = await page.RenderedFeaturesAsync("findings");
            Assert.Contains(drawn, f => f.GetProperty("key").GetString() == key && f.GetProperty("status").GetString() == "new");
        }
        finally
        {
            await _desk.DeleteAsync(code);
        }
    }

    [Fact]
    public async Task A_link_to_an_unknown_code_says_so_and_offers_the_search()
    {
        await using var page = await dashboard.OpenAsync("/lead?grid=UNKNOWN");
        var notice = page.Page.Locator("[data-testid=lead-notice]");
        await notice.WaitForAsync(new() { Timeout = 15_000 });
        Assert.Equal("链接中的编码“UNKNOWN”不对应任何网格或单元。请在左侧搜索要查看的网格。",
            await page.Page.Locator("[data-testid=lead-notice-text]").InnerTextAsync());
        Assert.Equal("UNKNOWN", await page.Page.Locator("[data-testid=search]").InputValueAsync());
        Assert.True(await page.Page.EvaluateAsync<bool>("() => document.activeElement?.dataset.testid === 'search'"));
        await Assertions.TextContainsAsync(page.Page.Locator("[data-testid=search-results]"), "没有匹配的结果");
        Assert.Null(await page.HookAsync<string?>("selectedGrid()"));
        await page.SaveScreenshotAsync("lead-deep-link-unknown");
        // The browser logs the server's 404 for the code it asked about; nothing else went wrong.
        Assert.DoesNotContain(page.ConsoleErrors, e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal));
    }

    /// <summary>
    /// A grid link naming a community means "show me this community": since the overview (issue 18, item 6) it opens
    /// the community's overview instead of a "not a grid" notice, and the URL then names it as a unit (?unit=).
    /// </summary>
    [Fact]
    public async Task A_grid_link_to_a_community_opens_its_overview_and_names_it_as_a_unit()
    {
        var community = (await dashboard.Api.TerritoryAsync()).First(u => u.GetProperty("kind").GetString() == "community");
        var code = community.GetProperty("code").GetString()!;
        var name = community.GetProperty("name").GetString()!;
        await using var page = await dashboard.OpenAsync($"/lead?grid={code}");
        await page.Page.Locator("[data-testid=unit-overview]").WaitForAsync(new() { Timeout = 15_000 });
        Assert.Equal(name, await page.Page.Locator("[data-testid=overview-name]").InnerTextAsync());
        Assert.Equal(code, await page.HookAsync<string?>("overviewUnit()"));
        Assert.Null(await page.HookAsync<string?>("selectedGrid()"));
        Assert.False(await page.Page.Locator("[data-testid=lead-notice]").IsVisibleAsync(), "no notice: the link was understood");
        Assert.EndsWith($"/lead?unit={code}", page.Page.Url);
        await page.IdleAsync();
        Assert.True(Geo.Contains(await page.ExtentAsync(), DashboardApi.BBox(community), 0.0005), "the map shows the whole community");
        await page.SaveScreenshotAsync("lead-deep-link-community");
    }

    [Fact]
    public async Task The_Chinese_lead_page_with_an_incident_card_and_a_finding_popup_open_has_no_english_words()
    {
        var grid = (await dashboard.Api.StaffedGridAsync()).GetProperty("code").GetString()!;
        var at = await _desk.PointInsideAsync(grid);
        var code = await _desk.ReportAsync("parking", at[0], at[1], "小区门口乱停车");
        try
        {
            await _desk.StepAsync(code, "dispatch", "社区派单员", "请网格员处理");
            await _http.PostAsJsonAsync($"/api/incidents/{code}/accept", new { actor = "网格员" });
            await _desk.MakeOverdueAsync(code); // an escalation line in the history too
            await using var page = await dashboard.OpenAsync($"/lead?grid={Uri.EscapeDataString(grid)}");
            var item = page.Page.Locator($"[data-testid=grid-incidents] li[data-code='{code}']");
            await item.WaitForAsync(new() { Timeout = 15_000 });
            await item.ClickAsync();
            var history = page.Page.Locator($"[data-testid=incident-history][data-code='{code}'] li");
            await history.First.WaitForAsync(new() { Timeout = 15_000 });
            var lines = await history.AllInnerTextsAsync();
            Assert.Contains(lines, l => l.Contains("经平台接口上报") && l.Contains("居民"));
            Assert.Contains(lines, l => l.Contains("超过时限") && l.Contains("系统（超时升级）"));

            var finding = page.Page.Locator("[data-testid=finding-list] li[data-id]").First;
            await finding.WaitForAsync(new() { Timeout = 15_000 });
            await finding.ClickAsync();
            await page.Page.Locator("[data-testid=finding-popup] [data-testid=finding-history] li").First.WaitForAsync(new() { Timeout = 15_000 });
            await page.IdleAsync();
            await page.SaveScreenshotAsync("lead-zh-scan");

            var words = await LatinWordsAsync(page);
            Assert.True(words.Length == 0, $"English on the zh-CN page: {string.Join(" | ", words)}");
        }
        finally
        {
            await _desk.DeleteAsync(code);
        }
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(1920, 1080)]
    public async Task The_english_lead_page_clips_no_text(int width, int height)
    {
        const string grid = "620102002003-02"; // a community with findings of every size (data/demo/manifest.json)
        await using var page = await MapPage.OpenAsync(dashboard.Browser, dashboard.BaseUrl, $"/lead?grid={grid}&lang=en", width, height, "en-US");
        await page.Page.Locator("[data-testid=finding-list] li[data-id]").First.WaitForAsync(new() { Timeout = 15_000 });
        await page.Page.Locator("[data-testid=finding-list] li[data-id]").First.ClickAsync();
        await page.Page.Locator("[data-testid=finding-popup] [data-testid=finding-explanation]").WaitForAsync(new() { Timeout = 15_000 });
        await page.Page.Locator("details.legend").EvaluateAsync("(d) => d.open = true");
        await page.IdleAsync();
        await page.SaveScreenshotAsync($"lead-en-{width}x{height}");
        var clipped = await ClippedAsync(page, ".topbar, .side, .findings, .finding-list li, .tree-section, .grid-panel, .grid-panel *, .legend, .finding-popup, .layer-toggles");
        Assert.True(clipped.Length == 0, $"clipped at {width}×{height}: {string.Join(" | ", clipped)}");
        // Every area figure of the findings list is whole inside the side panel.
        var outside = await page.Page.EvaluateAsync<string[]>("""
            () => { const side = document.querySelector('.side').getBoundingClientRect();
                    return [...document.querySelectorAll('.finding-list .f-area')].filter((a) => a.textContent)
                      .filter((a) => a.getBoundingClientRect().right > side.right + 0.5).map((a) => a.textContent); }
            """);
        Assert.Empty(outside);
    }

    /// <summary>
    /// Elements matching <paramref name="selector"/> whose content is wider than their box (scrollWidth &gt;
    /// clientWidth): text cut off or hidden behind a scroll. Ellipsis-by-design (text-overflow: ellipsis) is allowed.
    /// </summary>
    public static async Task<string[]> ClippedAsync(MapPage page, string selector) =>
        await page.Page.EvaluateAsync<string[]>("""
            (selector) => [...document.querySelectorAll(selector)]
              .filter((e) => e.offsetParent !== null || getComputedStyle(e).position === 'fixed')
              .filter((e) => getComputedStyle(e).textOverflow !== 'ellipsis')
              .filter((e) => e.scrollWidth > e.clientWidth + 1)
              .map((e) => `${e.className || e.tagName}: ${e.scrollWidth} > ${e.clientWidth} "${(e.innerText || '').slice(0, 60)}"`)
            """, selector);

    /// <summary>
    /// Latin-letter words a reader sees (text, tooltips, placeholders), less codes (I000002, JG-14, B000951, a
    /// compound's A/B/C), units (m, m², km) and the language switch's EN. The signed-in account's user and display
    /// names are left out: they are people's data as an administrator typed them (pinyin user names are common), not
    /// interface text.
    /// </summary>
    async Task<string[]> LatinWordsAsync(MapPage page)
    {
        var texts = await page.Page.EvaluateAsync<string[]>("""
            () => {
              const account = document.querySelector('[data-testid=account]');
              const saved = account?.textContent;
              if (account) account.textContent = '';
              const out = [document.body.innerText];
              if (account) account.textContent = saved;
              for (const e of document.querySelectorAll('[title], [placeholder], [aria-label]')) {
                if (e.closest('[hidden]') || e.closest('[data-testid=account]')) continue;
                out.push(e.getAttribute('title') ?? '', e.getAttribute('placeholder') ?? '', e.getAttribute('aria-label') ?? '');
              }
              return out;
            }
            """);
        return texts.SelectMany(t => LatinWord().Matches(t).Select(m => m.Value))
            .Where(w => !AllowedWord().IsMatch(w)).Distinct().ToArray();
    }

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*")]
    private static partial Regex LatinWord();

    // Codes hold a digit (I000002, JG-14, B000951, 620102001001-05); a lone capital is a compound's letter (B区);
    // m / km are units; EN is the language switch.
    [GeneratedRegex(@"^(?:[A-Za-z]+[-_]?\d[A-Za-z0-9_-]*|[A-Z]|m|km|EN)$")]
    private static partial Regex AllowedWord();
}
