using NetTopologySuite.Geometries;

namespace MapDashboard.Generator.Model;

/// <summary>A building footprint (EPSG:4326, rounded) with its people and its (possibly missing) owner and manager.</summary>
public sealed class Building(string code, string name, string? compound, string use, Polygon footprint, Point entrance)
{
    public string Code { get; } = code;
    public string Name { get; } = name;
    public string? Compound { get; } = compound;

    /// <summary>One of residential, commercial, school, public, industrial, market (the <c>building.use</c> check).</summary>
    public string Use { get; } = use;

    public Polygon Footprint { get; } = footprint;
    public Point Entrance { get; } = entrance;
    public int Floors { get; set; }
    public int Households { get; set; }
    public int Residents { get; set; }
    public int YearBuilt { get; set; }
    public string? OwnerCode { get; set; }
    public string? ManagerCode { get; set; }

    /// <summary>The community the building was placed in (not written: territory is found by geometry).</summary>
    public string CommunityCode { get; set; } = "";

    /// <summary>The grid the building was placed in; for a straddler, the grid on its first side.</summary>
    public string GridCode { get; set; } = "";
}
