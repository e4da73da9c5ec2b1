using NetTopologySuite.Geometries;

namespace MapDashboard.Generator.Model;

/// <summary>One polygon of the territory hierarchy (district → street → community → grid → micro-grid) or a police grid.</summary>
public sealed class TerritoryUnit(string code, string name, string kind, string? parentCode, Geometry boundary)
{
    public string Code { get; } = code;
    public string Name { get; } = name;
    public string Kind { get; } = kind;
    public string? ParentCode { get; } = parentCode;

    /// <summary>EPSG:4326, coordinates rounded to 7 decimals; Polygon or MultiPolygon.</summary>
    public Geometry Boundary { get; } = boundary;

    public string? GridWorkerCode { get; set; }
    public string? LeaderCode { get; set; }
    public string? AdoptedByCode { get; set; }
}
