namespace MapDashboard.Generator.Layout;

/// <summary>
/// The communities the seed reports describe, shared by every size so the demo's landmarks exist in the city too.
/// Weights are in super cells; the partitioner scales them to the land the street has.
/// </summary>
public static class KnownCommunities
{
    /// <summary>天庆嘉园社区: 0.45 km², compounds A/B/C, 52 residential buildings, 2,465 households, 7,792 residents, 6 grids.</summary>
    public static CommunitySpec Tianqing { get; } = new(
        "天庆嘉园社区", 36, 6, 0, HousingStyle.HighRise, MicroGrids: 12,
        Fixed: new FixedFigures(52, 2465, 7792, 0.45, ["天庆嘉园A区", "天庆嘉园B区", "天庆嘉园C区"]));

    /// <summary>吴家园社区: 15 grids (9 community + 6 dedicated for malls, schools, enterprises) and 38 micro-grids.</summary>
    public static CommunitySpec Wujiayuan { get; } = new("吴家园社区", 96, 9, 6, MicroGrids: 38);

    public static IReadOnlyList<CommunitySpec> YannanStreet { get; } =
    [
        Tianqing,
        new("雁园社区", 36, 4, 0, HousingStyle.HighRise),
        new("大雁滩社区", 120, 8, 1),
    ];

    public static IReadOnlyList<CommunitySpec> GongxingdunStreet { get; } =
    [
        Wujiayuan,
        new("东岗社区", 48, 3, 1),
        new("焦家湾社区", 48, 4, 0),
    ];
}
