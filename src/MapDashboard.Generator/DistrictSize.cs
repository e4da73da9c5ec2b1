namespace MapDashboard.Generator;

/// <summary>How big a district to generate.</summary>
public enum DistrictSize
{
    /// <summary>Two streets, six communities, ~40 grids, ~1,500 buildings: committed under data/demo.</summary>
    Demo,

    /// <summary>Chengguan at full scale: 1,607 grids, ~50,000 buildings, 10,000 hazards; for benchmarks.</summary>
    City,
}
