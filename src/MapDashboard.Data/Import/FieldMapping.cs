using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MapDashboard.Data.Import;

/// <summary>
/// Source field names → the dashboard's fields, and source values → its codes, per layer (a mapping file; the
/// shipped one is data/import/zh-CN.mapping.json). A dashboard field is also found under its own name. A layer's
/// "defaults" give a field's value for every record whose file has none: a police station's 警格 file carries no
/// 网格类型 column, so its mapping says "defaults": { "kind": "police_grid" } (a default goes through "values" too).
/// </summary>
public sealed class FieldMapping
{
    readonly JsonObject _layers;

    FieldMapping(JsonObject layers) => _layers = layers;

    /// <summary>The shipped mapping for Chinese survey data (网格编码, 网格名称, 所属社区, 网格员, 联系电话, …).</summary>
    public static FieldMapping Shipped()
    {
        using var stream = typeof(FieldMapping).Assembly.GetManifestResourceStream("MapDashboard.Data.Import.zh-CN.mapping.json")!;
        return new FieldMapping(JsonNode.Parse(stream)!.AsObject());
    }

    public static FieldMapping FromFile(string path)
    {
        try { return new FieldMapping(JsonNode.Parse(File.ReadAllText(path))!.AsObject()); }
        catch (Exception e) when (e is JsonException or InvalidOperationException or IOException)
        {
            throw new ImportInputException($"映射文件 {Path.GetFileName(path)} 无法读取：{e.Message}", $"the mapping file {Path.GetFileName(path)} cannot be read: {e.Message}");
        }
    }

    /// <summary>The record's dashboard fields as text (empty values left out), values mapped to codes.</summary>
    public Dictionary<string, string> Map(ImportLayer layer, IReadOnlyDictionary<string, object?> attributes)
    {
        var spec = _layers[layer.Name] as JsonObject;
        var mapped = new Dictionary<string, string>();
        foreach (var field in layer.Fields)
        {
            var names = (spec?["fields"]?[field] as JsonArray)?.Select(n => (string)n!) ?? [];
            var value = names.Append(field).Select(n => attributes.TryGetValue(n, out var v) ? Text(v) : null).FirstOrDefault(t => t is { Length: > 0 })
                ?? (spec?["defaults"]?[field] is JsonValue given ? Text((string?)given) : null);
            if (value is { Length: > 0 }) mapped[field] = spec?["values"]?[field]?[value] is JsonValue code ? (string)code! : value;
        }
        return mapped;
    }

    // Numbers from a .dbf come as double even for counts; a code like 620102001001001 must not become 6.2E+14.
    static string? Text(object? value) => value switch
    {
        null => null,
        string s => s.Trim(),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e17 => ((long)d).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()?.Trim(),
    };
}
