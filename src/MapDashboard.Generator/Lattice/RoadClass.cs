namespace MapDashboard.Generator.Lattice;

/// <summary>The class of the road a corridor carries; the order is the hierarchy (a wider road wins).</summary>
public enum RoadClass
{
    Residential = 0,
    Secondary = 1,
    Primary = 2,
}

public static class RoadClassExtensions
{
    /// <summary>Corridor width in metres: the kerb-to-kerb road plus pavements.</summary>
    public static double CorridorWidth(this RoadClass roadClass) => roadClass switch
    {
        RoadClass.Primary => 30,
        RoadClass.Secondary => 20,
        _ => 12,
    };

    /// <summary>The value of <c>base_road.class</c>.</summary>
    public static string ToSchemaValue(this RoadClass roadClass) => roadClass switch
    {
        RoadClass.Primary => "primary",
        RoadClass.Secondary => "secondary",
        _ => "residential",
    };
}
