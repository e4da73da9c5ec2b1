using System.Net.Http.Json;
using System.Text.Json;
using MapDashboard.IntegrationTests.Background;
using MapDashboard.Server.Incidents;
using Xunit.Abstractions;

namespace MapDashboard.IntegrationTests.Demo;

/// <summary>
/// The demo stream's stories read true: what a demo resident writes fits the category of the report (a 屋面漏水
/// report once read "单元门口电线垂得很低"), and the stream carries cases through to closed and rated, so the wall's
/// 按时办结率 and 满意度 are real figures soon after a fresh start.
/// </summary>
public sealed class DemoStoryTests(FastDemoStreamHost host, ITestOutputHelper output) : IClassFixture<FastDemoStreamHost>
{
    /// <summary>Words a description of each category must use, written here by hand, apart from the stream's texts.</summary>
    static readonly Dictionary<string, string[]> Telltales = new()
    {
        ["flying_lead_charging"] = ["充电"],
        ["low_cable"] = ["线"],
        ["cable_tangle"] = ["线"],
        ["blocked_drain"] = ["堵", "下水"],
        ["sewage"] = ["污水", "化粪池"],
        ["roof_leak"] = ["漏", "渗"],
        ["water_supply"] = ["水"],
        ["gas_safety"] = ["燃气"],
        ["electric_safety"] = ["电"],
        ["fire_safety"] = ["消防", "灭火器", "着火"],
        ["food_safety"] = ["摊点", "饭馆", "熟食", "油烟"],
        ["unsafe_wall"] = ["墙"],
        ["neighbour_dispute"] = ["邻居"],
        ["elevator_installation"] = ["电梯"],
        ["sanitation"] = ["垃圾"],
        ["parking"] = ["车"],
    };

    [Fact]
    public async Task Every_incident_category_has_texts_that_use_its_own_words()
    {
        var categories = new List<string>();
        await using (var cmd = host.Db.CreateCommand("select code, name_zh from category where for_incidents and code <> 'ownership_unclear' order by code"))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) categories.Add(reader.GetString(0));

        Assert.NotEmpty(categories);
        foreach (var category in categories)
        {
            Assert.True(Telltales.ContainsKey(category), $"no telltale words for the category {category}: add them here");
            Assert.Contains(category, DemoReportTexts.Categories);
            foreach (var text in DemoReportTexts.For(category, "?"))
                Assert.True(Telltales[category].Any(text.Contains), $"'{text}' does not read as {category}");
        }
    }

    [Fact]
    public async Task The_stream_reports_in_the_words_of_the_category_and_closes_and_rates_cases_the_indicators_count()
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline &&
               (await host.ScalarAsync<long>("select count(*) from incident where source = 'demo' and stage = 'closed' and rating is not null") < 3
                || await host.ScalarAsync<long>("select count(*) from incident where source = 'demo'") < 30))
            await Task.Delay(250);

        var stories = new List<(string Category, string Description)>();
        await using (var cmd = host.Db.CreateCommand("select category_code, description from incident where source = 'demo' and description is not null"))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) stories.Add((reader.GetString(0), reader.GetString(1)));
        output.WriteLine(string.Join("\n", stories.Take(12).Select(s => $"{s.Category}: {s.Description}")));

        Assert.True(stories.Count >= 30, $"the stream reported only {stories.Count} incidents");
        foreach (var (category, description) in stories)
            Assert.True(Telltales[category].Any(description.Contains), $"a {category} report reads '{description}'");

        // Cases are carried through: closed with a rating, most of them on time (the stream is fast), and the open
        // pile stays about the size the stream keeps instead of growing with every report.
        Assert.True(await host.ScalarAsync<long>("select count(*) from incident where source = 'demo' and stage = 'closed' and rating is not null") >= 3);
        var open = await host.ScalarAsync<long>("select count(*) from incident where source = 'demo' and stage <> 'closed'");
        Assert.True(open <= 20, $"{open} demo incidents are open: the stream should close about as many as it reports");

        using var http = host.CreateClient();
        var district = await host.ScalarAsync<string>("select code from territory_unit where kind = 'district'");
        var indicators = await http.GetFromJsonAsync<JsonElement>($"api/indicators/{district}");
        output.WriteLine(indicators.ToString());
        Assert.Equal(JsonValueKind.Number, indicators.GetProperty("onTimeClosureRate").ValueKind);
        Assert.True(indicators.GetProperty("onTimeClosureRate").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Number, indicators.GetProperty("satisfactionRate").ValueKind);
        Assert.True(indicators.GetProperty("rated30d").GetInt32() >= 3);
    }
}
