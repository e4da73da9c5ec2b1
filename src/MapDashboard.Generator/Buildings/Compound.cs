namespace MapDashboard.Generator.Buildings;

/// <summary>A compound (小区 / 楼院 / campus): the unit that has one owner and one property manager.</summary>
public sealed class Compound(string name, int grid, int community, BuildingStyle style, string? institution)
{
    public string Name { get; } = name;
    public int Grid { get; } = grid;
    public int Community { get; } = community;
    public BuildingStyle Style { get; } = style;

    /// <summary>For a dedicated grid's campus: the mall, school, enterprise or market it belongs to.</summary>
    public string? Institution { get; } = institution;

    public string? OwnerCode { get; set; }
    public string? ManagerCode { get; set; }
    public List<int> Buildings { get; } = [];
}
