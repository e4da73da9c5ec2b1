namespace MapDashboard.Generator.Layout;

/// <summary>What one community should contain; <see cref="Weight"/> is its share of the street's land.</summary>
public sealed record CommunitySpec(
    string Name,
    double Weight,
    int CommunityGrids,
    int DedicatedGrids,
    HousingStyle Housing = HousingStyle.WalkUp,
    int? MicroGrids = null,
    FixedFigures? Fixed = null)
{
    public int Grids => CommunityGrids + DedicatedGrids;
}

/// <summary>A street (街道) and its communities.</summary>
public sealed record StreetSpec(string Name, IReadOnlyList<CommunitySpec> Communities);

/// <summary>Figures a community must match exactly (天庆嘉园社区 from the seed reports).</summary>
public sealed record FixedFigures(
    int ResidentialBuildings, int Households, int Residents, double AreaKm2, IReadOnlyList<string> Compounds);

/// <summary>How the residential blocks of a community are built up.</summary>
public enum HousingStyle
{
    /// <summary>1980s–2000s six-storey slabs (老旧小区).</summary>
    WalkUp,

    /// <summary>2000s–2010s high-rise slabs and towers.</summary>
    HighRise,
}
