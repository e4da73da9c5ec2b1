namespace MapDashboard.Generator.Layout;

/// <summary>The committed demo: 雁南街道 and 拱星墩街道, six communities, 42 grids.</summary>
public static class DemoProfile
{
    public static SizeProfile Create() => new()
    {
        Size = DistrictSize.Demo,
        SuperColumns = 24,
        SuperRows = 16,
        Streets =
        [
            new StreetSpec("雁南街道", KnownCommunities.YannanStreet),
            new StreetSpec("拱星墩街道", KnownCommunities.GongxingdunStreet),
        ],
        MicroGrids = true,
        Hazards = 200,
        Gaps = 4,
        Overlaps = 3,
        Straddlers = 12,
        OwnerlessBuildings = 12,
        UnmanagedBuildings = 10,
        DisputedBuildings = 2,
        OwnerlessHazards = 10,
        PoliceTile = (5, 4),
        BlockSize = (90, 104),
    };
}
