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

        var k = BalancedSplitIndex(weights);
        var leftShare = Sum(weights[..k]) / Sum(weights);
        var acrossX = rect.Width >= rect.Height;
        var length = acrossX ? rect.Width : rect.Height;
        var depth = acrossX ? rect.Height : rect.Width;

        // Keep room for minArea cells per piece on each side, as far as the rectangle allows.
        var lowest = Math.Max(1, Ceiling(k * minArea, depth));
        var highest = Math.Min(length - 1, length - Ceiling((weights.Length - k) * minArea, depth));
        var cut = (int)Math.Round(length * leftShare, MidpointRounding.AwayFromZero);
        cut = lowest <= highest ? Math.Clamp(cut, lowest, highest) : Math.Clamp(cut, 1, length - 1);

        var (first, second) = acrossX
            ? (rect with { Width = cut }, rect with { X = rect.X + cut, Width = rect.Width - cut })
            : (rect with { Height = cut }, rect with { Y = rect.Y + cut, Height = rect.Height - cut });
        SplitInto(first, weights[..k], minArea, pieces);
        SplitInto(second, weights[k..], minArea, pieces);
    }

    private static int BalancedSplitIndex(ReadOnlySpan<double> weights)
    {
        var half = Sum(weights) / 2;
        var best = 1;
        var bestMiss = double.MaxValue;
        var prefix = 0.0;
        for (var k = 1; k < weights.Length; k++)
        {
            prefix += weights[k - 1];
            var miss = Math.Abs(prefix - half);
            if (miss < bestMiss - 1e-9)
            {
                best = k;
                bestMiss = miss;
            }
        }
        return best;
    }

    private static double Sum(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights) total += w;
        return total;
    }

    private static int Ceiling(int numerator, int denominator) => (numerator + denominator - 1) / denominator;
}
