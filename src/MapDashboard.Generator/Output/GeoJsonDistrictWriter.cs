using System.Text.Json;
using MapDashboard.Generator.Model;

namespace MapDashboard.Generator.Output;

/// <summary>Writes a <see cref="GeneratedDistrict"/> as the files data/README.md specifies, one file per table.</summary>
public static class GeoJsonDistrictWriter
{
    public static readonly IReadOnlyList<string> FileNames =
    [
        "categories.json", "organisations.json", "territory.geojson", "people.json", "buildings.geojson",
        "hazards.geojson", "claims.json", "roads.geojson", "water.geojson", "manifest.json",
    ];

    public static void Write(GeneratedDistrict district, string directory)
    {
        Directory.CreateDirectory(directory);
        string Path(string name) => System.IO.Path.Combine(directory, name);

        JsonLines.WriteArray(Path("categories.json"), district.Categories);
        JsonLines.WriteArray(Path("organisations.json"), district.Organisations);
        JsonLines.WriteArray(Path("people.json"), district.People);
        JsonLines.WriteArray(Path("claims.json"), district.Claims);
        JsonLines.WriteFeatures(Path("territory.geojson"), district.Territory, TerritoryProperties, u => u.Boundary);
        JsonLines.WriteFeatures(Path("buildings.geojson"), district.Buildings, BuildingProperties, b => b.Footprint);
        JsonLines.WriteFeatures(Path("hazards.geojson"), district.Hazards, HazardProperties, h => h.Location);
        JsonLines.WriteFeatures(Path("roads.geojson"), district.Roads, r => new { r.Name, r.Class }, r => r.Line);
        JsonLines.WriteFeatures(Path("water.geojson"), district.Water, w => new { w.Name, w.Kind }, w => w.Area);

        var manifest = JsonSerializer.Serialize(Manifest.Of(district), new JsonSerializerOptions(JsonLines.Options) { WriteIndented = true });
        File.WriteAllText(Path("manifest.json"), manifest.ReplaceLineEndings("\n") + "\n");
    }

    private static object TerritoryProperties(TerritoryUnit u) =>
        new { u.Code, u.Name, u.Kind, u.ParentCode, u.GridWorkerCode, u.LeaderCode, u.AdoptedByCode };

    private static object BuildingProperties(Building b) => new
    {
        b.Code, b.Name, b.Compound, b.Use, b.Floors, b.Households, b.Residents, b.YearBuilt, b.OwnerCode, b.ManagerCode,
        Entrance = new[] { b.Entrance.X, b.Entrance.Y },
    };

    private static object HazardProperties(Hazard h) =>
        new { h.Code, h.Category, h.Severity, h.Status, h.OwnerCode, h.BuildingCode, h.Description };
}
