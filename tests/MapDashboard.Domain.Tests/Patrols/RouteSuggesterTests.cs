using MapDashboard.Domain.Patrols;

namespace MapDashboard.Domain.Tests.Patrols;

public class RouteSuggesterTests
{
    static readonly MetricPoint Origin = new(0, 0);

    [Fact]
    public void Visits_every_stop_exactly_once()
    {
        var stops = RandomStops(new Random(7), 40, 500);
        var order = RouteSuggester.Order(Origin, stops);
        Assert.Equal(Enumerable.Range(0, stops.Length).ToArray(), order.Order().ToArray());
    }

    [Fact]
    public void No_stops_means_an_empty_walk_and_one_stop_is_walked_to()
    {
        Assert.Empty(RouteSuggester.Order(Origin, []));
        Assert.Equal([0], RouteSuggester.Order(Origin, [new MetricPoint(10, 10)]));
    }

    [Fact]
    public void Stops_along_a_line_are_walked_outward_from_the_start_without_doubling_back()
    {
        // Start at one end of a street: the only sensible walk is 10, 20, ... 80 in that order.
        var stops = new[] { 50, 10, 80, 30, 20, 70, 40, 60 }.Select(x => new MetricPoint(x, 0)).ToArray();
        var order = RouteSuggester.Order(Origin, stops);
        Assert.Equal(stops.Select(s => s.X).Order().ToArray(), order.Select(i => stops[i].X).ToArray());
        Assert.Equal(80, RouteSuggester.Length(Origin, stops, order), 6);
    }

    [Fact]
    public void Nearest_neighbour_alone_is_fooled_here_but_the_improvements_are_not()
    {
        // Nearest neighbour takes the stop 1 m right, then doubles back to -2 and crosses again to 10:
        // 1 + 3 + 12 = 16 m. Going left first is 2 + 3 + 9 = 14 m, the best.
        var stops = new MetricPoint[] { new(1, 0), new(-2, 0), new(10, 0) };
        var order = RouteSuggester.Order(Origin, stops);
        Assert.Equal(14, RouteSuggester.Length(Origin, stops, order), 6);
        Assert.Equal([1, 0, 2], order);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Is_within_a_quarter_of_the_best_order_found_by_brute_force(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 20; round++)
        {
            var stops = RandomStops(random, 3 + round % 6, 300); // 3–8 stops: 8! = 40,320 orders
            var start = new MetricPoint(random.NextDouble() * 300, random.NextDouble() * 300);
            var suggested = RouteSuggester.Length(start, stops, RouteSuggester.Order(start, stops));
            var best = BruteForceBest(start, stops);
            Assert.True(suggested <= 1.25 * best + 1e-6, $"seed {seed} round {round}: {suggested:F1} m vs best {best:F1} m");
        }
    }

    static MetricPoint[] RandomStops(Random random, int count, double size) =>
        Enumerable.Range(0, count).Select(_ => new MetricPoint(random.NextDouble() * size, random.NextDouble() * size)).ToArray();

    static double BruteForceBest(MetricPoint start, IReadOnlyList<MetricPoint> stops) =>
        Permutations(Enumerable.Range(0, stops.Count).ToArray()).Min(order => RouteSuggester.Length(start, stops, order));

    static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1) { yield return items; yield break; }
        for (var i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, k) => k != i).ToArray();
            foreach (var tail in Permutations(rest))
                yield return [items[i], .. tail];
        }
    }
}
