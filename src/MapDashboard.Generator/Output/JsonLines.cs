using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetTopologySuite.Geometries;

namespace MapDashboard.Generator.Output;

/// <summary>
/// JSON arrays and GeoJSON FeatureCollections written one record per line: small diffs in git, easy to grep,
/// and still one valid JSON document. Chinese text is written as is, not as \u escapes.
/// </summary>
public static class JsonLines
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteArray<T>(string path, IEnumerable<T> records) =>
        WriteLines(path, "[", records.Select(r => JsonSerializer.Serialize(r, Options)), "]");

    public static void WriteFeatures<T>(string path, IEnumerable<T> records, Func<T, object> properties, Func<T, Geometry> geometry) =>
        WriteLines(path, "{\"type\":\"FeatureCollection\",\"features\":[",
            records.Select(r => Feature(properties(r), geometry(r))), "]}");

    private static string Feature(object properties, Geometry geometry)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WritePropertyName("properties");
            JsonSerializer.Serialize(json, properties, properties.GetType(), Options);
            json.WritePropertyName("geometry");
            GeoJsonGeometry.Write(json, geometry);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteLines(string path, string open, IEnumerable<string> lines, string close)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        writer.WriteLine(open);
        var first = true;
        foreach (var line in lines)
        {
            if (!first) writer.WriteLine(",");
            writer.Write(line);
            first = false;
        }
        if (!first) writer.WriteLine();
        writer.WriteLine(close);
    }
}
