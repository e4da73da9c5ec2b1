namespace MapDashboard.Data.Import;

/// <summary>
/// What a layer of a district's file becomes: the dashboard's fields it carries (those that must be filled, and
/// the rest), the dimension of its geometry (2 polygons, 0 points, null none) and the SQL that checks and writes it.
/// </summary>
public sealed record ImportLayer(string Name, string[] Required, string[] Optional, int? Dimension, string ApplyFile)
{
    public static readonly ImportLayer Units = new("units", ["code", "name"], ["parent", "kind"], 2, "apply_territory.sql");
    public static readonly ImportLayer Grids = new("grids", ["code", "name"], ["parent", "kind", "worker_name", "worker_phone"], 2,
        "apply_territory.sql");
    public static readonly ImportLayer Buildings = new("buildings", ["code", "name"],
        ["compound", "use", "floors", "households", "residents", "year_built"], 2, "apply_buildings.sql");
    public static readonly ImportLayer Hazards = new("hazards", ["code", "category", "severity"], ["status", "description"], 0,
        "apply_hazards.sql");
    public static readonly ImportLayer Organisations = new("organisations", ["code", "name", "kind"], ["phone", "adopts"], null,
        "apply_organisations.sql");
    public static readonly ImportLayer People = new("people", ["code", "name", "role", "unit"], ["phone"], null, "apply_people.sql");

    public static readonly IReadOnlyList<ImportLayer> All = [Units, Grids, Buildings, Hazards, Organisations, People];

    public IEnumerable<string> Fields => Required.Concat(Optional);

    public bool IsTerritory => this == Units || this == Grids;

    public static ImportLayer Named(string name) =>
        All.FirstOrDefault(l => l.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ImportInputException($"未知的图层 {name}（可选：{string.Join("、", All.Select(l => l.Name))}）",
            $"unknown layer {name} (one of: {string.Join(", ", All.Select(l => l.Name))})");
}
