namespace MapDashboard.Generator.Buildings;

/// <summary>Splits a fixed total over parts in proportion to weights, exactly (largest remainder).</summary>
public static class HouseholdAllocator
{
    public static int[] Allocate(int total, IReadOnlyList<double> weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => total * w / sum).ToArray();
        var shares = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var order = Enumerable.Range(0, weights.Count).OrderByDescending(k => exact[k] - shares[k]).ThenBy(k => k);
        foreach (var k in order.Take(total - shares.Sum())) shares[k]++;
        return shares;
    }
}
