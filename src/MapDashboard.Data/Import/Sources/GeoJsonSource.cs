using System.Text.Json;
using MapDashboard.Data.Import.Coordinates;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace MapDashboard.Data.Import.Sources;

/// <summary>
/// A GeoJSON FeatureCollection. RFC 7946 GeoJSON is WGS84 longitude/latitude; an old-style "crs" member naming an
/// EPSG code (as GDAL writes for other systems) is honoured.
/// </summary>
public static class GeoJsonSource
{
    static readonly JsonSerializerOptions Options = new() { Converters = { new GeoJsonConverterFactory() } };

    public static SourceLayer Read(string path)
    {
        var text = File.ReadAllText(path);
        var name = Path.GetFileName(path);
        FeatureCollection? collection;
        // Not JSON, or JSON of another shape: the person importing sent the wrong file (a 400), not a server fault.
        try { collection = JsonSerializer.Deserialize<FeatureCollection>(text, Options); }
        catch (JsonException e)
        {
            throw new ImportInputException($"{name} 不是 GeoJSON 要素集合（{e.Message}）", $"{name} is not a GeoJSON feature collection ({e.Message})");
        }
        if (collection is null) throw new ImportInputException($"{name} 不是 GeoJSON 要素集合", $"{name} is not a GeoJSON feature collection");
        var features = collection.Select((f, i) => new SourceFeature(i + 1,
            f.Attributes?.GetNames().ToDictionary(n => n, n => Plain(f.Attributes[n]), StringComparer.OrdinalIgnoreCase)
                ?? new Dictionary<string, object?>(),
            f.Geometry is { IsEmpty: false } g ? g : null)).ToList();
        return new SourceLayer(features, null, NamedCrs(text) ?? 4326);
    }

    // Nested values come back as JsonElement; the importer wants text or numbers.
    static object? Plain(object? value) => value is JsonElement e
        ? e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Number => e.GetDouble(),
            JsonValueKind.Null => null,
            _ => e.GetRawText(),
        }
        : value;

    static int? NamedCrs(string text)
    {
        using var doc = JsonDocument.Parse(text);
        if (!doc.RootElement.TryGetProperty("crs", out var crs)) return null;
        var name = crs.TryGetProperty("properties", out var p) && p.TryGetProperty("name", out var n) ? n.GetString() : null;
        return name is null ? null : CrsName.Epsg(name);
    }
}
