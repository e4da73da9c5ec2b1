namespace MapDashboard.Generator.Buildings;

/// <summary>How buildings of one kind are sized and spaced in a block; ranges are [min, max] in metres or floors.</summary>
public sealed record BuildingStyle(
    string Use,
    (double Min, double Max) Depth,
    (double Min, double Max) Length,
    double GapAlong,
    double GapBetweenRows,
    (int Min, int Max) Floors,
    (int Min, int Max) YearBuilt,
    int MaxPerBlock = int.MaxValue,
    double TowerChance = 0,
    double MetresPerFlat = 0)
{
    /// <summary>Six-storey slabs of the 1980s–2000s, tightly packed (老旧小区).</summary>
    public static BuildingStyle WalkUp { get; } = new("residential", (10, 13), (24, 52), 6, 12, (5, 7), (1982, 2004), MetresPerFlat: 11);

    /// <summary>High-rise slabs and towers of the 2000s–2010s, with wide spacing for winter sun.</summary>
    public static BuildingStyle HighRise { get; } = new("residential", (14, 17), (34, 56), 14, 26, (18, 33), (2006, 2016),
        TowerChance: 0.35, MetresPerFlat: 12.5);

    public static BuildingStyle Mall { get; } = new("commercial", (40, 55), (50, 70), 12, 12, (4, 6), (2008, 2018), MaxPerBlock: 1);
    public static BuildingStyle School { get; } = new("school", (14, 17), (40, 60), 20, 30, (4, 5), (1995, 2015), MaxPerBlock: 2);
    public static BuildingStyle Industrial { get; } = new("industrial", (22, 34), (40, 66), 12, 14, (1, 3), (1975, 2005));
    public static BuildingStyle Market { get; } = new("market", (30, 42), (40, 64), 12, 14, (1, 2), (1990, 2012), MaxPerBlock: 2);

    public bool IsResidential => Use == "residential";

    public static BuildingStyle ForUse(string use) => use switch
    {
        "commercial" => Mall,
        "school" => School,
        "industrial" => Industrial,
        "market" => Market,
        _ => WalkUp,
    };
}
