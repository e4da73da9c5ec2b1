namespace MapDashboard.Generator.Model;

/// <summary>The values the <c>territory_unit.kind</c> check constraint allows.</summary>
public static class TerritoryKinds
{
    public const string District = "district";
    public const string Street = "street";
    public const string Community = "community";
    public const string CommunityGrid = "community_grid";
    public const string DedicatedGrid = "dedicated_grid";
    public const string MicroGrid = "micro_grid";
    public const string PoliceGrid = "police_grid";

    public static bool IsGrid(string kind) => kind is CommunityGrid or DedicatedGrid;
}
