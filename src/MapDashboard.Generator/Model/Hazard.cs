using NetTopologySuite.Geometries;

namespace MapDashboard.Generator.Model;

/// <summary>A hazard point (隐患点) of a <see cref="Category"/>; a null owner is planted trouble.</summary>
public sealed class Hazard(string code, string category, Point location)
{
    public string Code { get; } = code;
    public string Category { get; } = category;
    public Point Location { get; } = location;
    public string Severity { get; set; } = "low";
    public string Status { get; set; } = "open";
    public string? OwnerCode { get; set; }
    public string? BuildingCode { get; set; }
    public string Description { get; set; } = "";
}
