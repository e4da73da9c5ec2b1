namespace MapDashboard.Generator.Layout;

/// <summary>
/// Splits a rectangle of super cells into pieces whose areas follow the given weights, by recursive bisection
/// across the longer side. Every cut runs along a lattice line, so the pieces tile the rectangle exactly.
/// </summary>
public static class RectanglePartitioner
{
    /// <summary>One rectangle per weight, in weight order; each at least <paramref name="minArea"/> cells where room allows.</summary>
    public static IReadOnlyList<CellRect> Split(CellRect rect, IReadOnlyList<double> weights, int minArea = 1)
    {
        var pieces = new List<CellRect>(weights.Count);
        SplitInto(rect, weights.ToArray(), minArea, pieces);
        return pieces;
    }

    private static void SplitInto(CellRect rect, ReadOnlySpan<double> weights, int minArea, List<CellRect> pieces)
    {
        if (weights.Length == 1)
        {
            pieces.Add(rect);
            return;
        }

        var (k, acrossX, cut) = ChooseCut(rect, weights, minArea);
        var (first, second) = acrossX
            ? (rect with { Width = cut }, rect with { X = rect.X + cut, Width = rect.Width - cut })
            : (rect with { Height = cut }, rect with { Y = rect.Y + cut, Height = rect.Height - cut });
        SplitInto(first, weights[..k], minArea, pieces);
        SplitInto(second, weights[k..], minArea, pieces);
    }

    /// <summary>
    /// The most balanced split of the weights, cut across the longer side where both halves keep room for
    /// minArea cells per piece; failing that across the shorter side, then other splits, then anything that fits.
    /// </summary>
    private static (int K, bool AcrossX, int Cut) ChooseCut(CellRect rect, ReadOnlySpan<double> weights, int minArea)
    {
        var total = Sum(weights);
        var longerIsX = rect.Width >= rect.Height;
        foreach (var k in SplitIndicesByBalance(weights))
        {
            var share = Sum(weights[..k]) / total;
            foreach (var acrossX in (bool[])[longerIsX, !longerIsX])
            {
                var length = acrossX ? rect.Width : rect.Height;
                var depth = acrossX ? rect.Height : rect.Width;
                var lowest = Math.Max(1, Ceiling(k * minArea, depth));
                var highest = Math.Min(length - 1, length - Ceiling((weights.Length - k) * minArea, depth));
                if (lowest > highest) continue;
                var cut = (int)Math.Round(length * share, MidpointRounding.AwayFromZero);
                return (k, acrossX, Math.Clamp(cut, lowest, highest));
            }
        }
        var fallbackLength = longerIsX ? rect.Width : rect.Height;
        var half = BalancedSplitIndex(weights);
        var fallbackCut = (int)Math.Round(fallbackLength * Sum(weights[..half]) / total, MidpointRounding.AwayFromZero);
        return (half, longerIsX, Math.Clamp(fallbackCut, 1, Math.Max(1, fallbackLength - 1)));
    }

    /// <summary>Split indices 1..n-1, the one that halves the total weight best first.</summary>
    private static List<int> SplitIndicesByBalance(ReadOnlySpan<double> weights)
    {
        var half = Sum(weights) / 2;
        var misses = new List<(int K, double Miss)>();
        var prefix = 0.0;
        for (var k = 1; k < weights.Length; k++)
        {
            prefix += weights[k - 1];
            misses.Add((k, Math.Abs(prefix - half)));
        }
        return misses.OrderBy(m => m.Miss).ThenBy(m => m.K).Select(m => m.K).ToList();
    }

    private static int BalancedSplitIndex(ReadOnlySpan<double> weights) => SplitIndicesByBalance(weights)[0];

    private static double Sum(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights) total += w;
        return total;
    }

    private static int Ceiling(int numerator, int denominator) => (numerator + denominator - 1) / denominator;
}
