namespace MapDashboard.Generator;

/// <summary>Draws from a seeded <see cref="Random"/>; every call consumes numbers in a fixed order, so output is repeatable.</summary>
public static class RandomExtensions
{
    /// <summary>A Fisher–Yates shuffled copy.</summary>
    public static List<T> Shuffled<T>(this Random rng, IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var k = list.Count - 1; k > 0; k--)
        {
            var r = rng.Next(k + 1);
            (list[k], list[r]) = (list[r], list[k]);
        }
        return list;
    }

    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    public static double Between(this Random rng, (double Min, double Max) range) => range.Min + (range.Max - range.Min) * rng.NextDouble();

    /// <summary>An independent stream per generation step, so changing one step does not reshuffle the others.</summary>
    public static Random ForStep(int seed, int step) => new(unchecked(seed * 1_000_003 + step * 7_919));
}
