using System.Text.Json;
using static MapDashboard.Domain.Tests.Theme.ColourVision;

namespace MapDashboard.Domain.Tests.Theme;

/// <summary>
/// The 红黄蓝 grid fills, as the maps draw them (src/MapDashboard.Web/src/gridFills.json, which theme.ts imports:
/// each translucent fill blended over its palette's background), tell apart for everyone (issue 18: the wall's dark
/// red and olive were hard to tell apart). Threshold: every two of the three differ by a CIEDE2000 of at least 20 —
/// about twice what reads as "clearly different" side by side, since on the wall they are judged apart and from
/// ~3 m — for normal vision and under simulated protanopia, deuteranopia and tritanopia.
/// </summary>
public class GridFillContrastTests
{
    const double MinimumDeltaE = 20;

    static readonly JsonElement Fills = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Theme", "gridFills.json"))).RootElement;

    public static TheoryData<string, Vision> Cases()
    {
        var data = new TheoryData<string, Vision>();
        foreach (var palette in new[] { "dark", "light" })
            foreach (var vision in Enum.GetValues<Vision>()) data.Add(palette, vision);
        return data;
    }

    static double[] Hex(string hex) => [Convert.ToInt32(hex[1..3], 16), Convert.ToInt32(hex[3..5], 16), Convert.ToInt32(hex[5..7], 16)];

    static double[] Drawn(string palette, string status)
    {
        var p = Fills.GetProperty(palette);
        return Over(p.GetProperty(status).EnumerateArray().Select(v => v.GetDouble()).ToArray(), Hex(p.GetProperty("background").GetString()!));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_two_grid_fills_differ_by_at_least_the_threshold(string palette, Vision vision)
    {
        string[] statuses = ["red", "yellow", "blue"];
        var seen = statuses.ToDictionary(s => s, s => Lab(Seen(Drawn(palette, s), vision)));
        var pairs = from a in statuses from b in statuses where string.CompareOrdinal(a, b) < 0
                    select (Pair: $"{a}–{b}", DeltaE: DeltaE2000(seen[a], seen[b]));
        var tooClose = pairs.Where(p => p.DeltaE < MinimumDeltaE).Select(p => $"{p.Pair} ΔE2000 {p.DeltaE:F1}").ToList();
        Assert.True(tooClose.Count == 0, $"{palette} fills under {vision}: {string.Join(", ", tooClose)} (< {MinimumDeltaE})");
    }

    [Fact]
    public void The_old_dark_red_and_olive_fail_for_a_deuteranope_so_the_threshold_can_fail()
    {
        var background = Hex("#071422");
        var red = Lab(Seen(Over([239, 68, 68, 0.42], background), Vision.Deuteranopia));
        var olive = Lab(Seen(Over([250, 204, 21, 0.34], background), Vision.Deuteranopia));
        Assert.True(DeltaE2000(red, olive) < MinimumDeltaE);
    }

    // Sharma, Wu and Dalal's published test pairs (2005): the formula is the one the threshold assumes.
    [Theory]
    [InlineData(50.0, 2.6772, -79.7751, 50.0, 0.0, -82.7485, 2.0425)]
    [InlineData(50.0, 2.5, 0.0, 73.0, 25.0, -18.0, 27.1492)]
    [InlineData(50.0, 2.5, 0.0, 50.0, 3.2972, 0.0, 1.0000)]
    [InlineData(60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644)]
    [InlineData(22.7233, 20.0904, -46.6940, 23.0331, 14.9730, -42.5619, 2.0373)]
    public void CIEDE2000_matches_the_published_test_data(double l1, double a1, double b1, double l2, double a2, double b2, double expected) =>
        Assert.Equal(expected, DeltaE2000((l1, a1, b1), (l2, a2, b2)), 4);

    [Fact]
    public void Simulated_deficiency_keeps_grey_and_white_and_merges_red_with_green()
    {
        foreach (var vision in Enum.GetValues<Vision>())
            foreach (var grey in new double[] { 0, 128, 255 })
                Assert.All(Seen([grey, grey, grey], vision), c => Assert.Equal(grey, c, 0));
        var red = Lab(Seen([200, 40, 40], Vision.Deuteranopia));
        var green = Lab(Seen([110, 110, 30], Vision.Deuteranopia));
        Assert.True(DeltaE2000(red, green) < DeltaE2000(Lab([200, 40, 40]), Lab([110, 110, 30])));
    }
}
