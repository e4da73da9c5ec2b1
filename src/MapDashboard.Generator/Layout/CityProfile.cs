using MapDashboard.Generator.Naming;

namespace MapDashboard.Generator.Layout;

/// <summary>Chengguan at full scale: 24 streets, 192 communities, exactly 1,607 grids (the figure in the seed reports).</summary>
public static class CityProfile
{
    public const int TotalGrids = 1607;
    private const int Streets = 24;
    private const int CommunitiesPerStreet = 8;
    private const int SuperColumns = 128;
    private const int SuperRows = 90;

    public static SizeProfile Create() => new()
    {
        Size = DistrictSize.City,
        SuperColumns = SuperColumns,
        SuperRows = SuperRows,
        Streets = BuildStreets(),
        MicroGrids = false,
        Hazards = 10_000,
        Gaps = 24,
        Overlaps = 24,
        Straddlers = 60,
        OwnerlessBuildings = 300,
        UnmanagedBuildings = 400,
        DisputedBuildings = 12,
        OwnerlessHazards = 200,
        PoliceTile = (6, 5),
        BlockSize = (84, 98),
    };

    private static IReadOnlyList<StreetSpec> BuildStreets()
    {
        var known = new[] { KnownCommunities.YannanStreet, KnownCommunities.GongxingdunStreet };
        var knownGrids = known.Sum(s => s.Sum(c => c.Grids));
        var knownWeight = known.Sum(s => s.Sum(c => c.Weight));
        var generatedCount = Streets * CommunitiesPerStreet - known.Sum(s => s.Count);
        var generatedGrids = TotalGrids - knownGrids;
        // Spread the remaining grids evenly: every generated community gets the base count, the first few one more.
        var baseGrids = generatedGrids / generatedCount;
        var oneMore = generatedGrids % generatedCount;
        var cellsPerGrid = (SuperColumns * SuperRows - knownWeight) / generatedGrids;

        var names = NamePools.CommunityNames(generatedCount, skip: known.SelectMany(s => s.Select(c => c.Name)));
        var streets = new List<StreetSpec>();
        var generated = 0;
        for (var s = 0; s < Streets; s++)
        {
            var communities = new List<CommunitySpec>(s < known.Length ? known[s] : []);
            while (communities.Count < CommunitiesPerStreet)
            {
                var grids = baseGrids + (generated < oneMore ? 1 : 0);
                var housing = generated % 5 == 0 ? HousingStyle.HighRise : HousingStyle.WalkUp;
                communities.Add(new CommunitySpec(names[generated], grids * cellsPerGrid, grids - 1, 1, housing));
                generated++;
            }
            streets.Add(new StreetSpec(NamePools.StreetName(s), communities));
        }
        return streets;
    }
}
