using System.Text.Json;
using System.Text.Json.Nodes;
using MapDashboard.Domain.Permissions;
using MapDashboard.Server.Layers;

namespace MapDashboard.Server.Permissions;

/// <summary>
/// Removes or masks the personal fields of JSON (System.Text.Json nodes) as a viewer's lens says, item by item,
/// each by the territory unit it belongs to: the one implementation behind the GeoJSON endpoints, the live hub
/// and (for their declared names) the tiles. Never adds anything; a field it does not find stays absent.
/// </summary>
public static class PersonalDataFilter
{
    /// <summary>
    /// Filters <paramref name="document"/> in place for <paramref name="lens"/>; returns the units of the items whose
    /// personal data left unmasked (what a reveal showed, for the audit).
    /// </summary>
    public static IReadOnlySet<string> Apply(JsonNode document, PersonalDataShape shape, PersonalDataLens lens)
    {
        var revealed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in Select(document, shape.Items))
        {
            var unit = UnitOf(item, shape);
            var disclosure = lens.For(unit);
            if (Apply(item, shape, disclosure) && disclosure == Disclosure.Plain) revealed.Add(unit ?? "(no unit)");
        }
        return revealed;
    }

    /// <summary>
    /// One GeoJSON feature of <paramref name="layerName"/> as a viewer receives it, by the disclosure the rule gives
    /// them for the feature's unit (<see cref="PersonalDataRule.For"/>); a layer without personal data is untouched.
    /// </summary>
    public static void Feature(string layerName, JsonObject feature, Disclosure disclosure)
    {
        if (LayerCatalog.Find(layerName) is { Personal.Count: > 0 } layer) Apply(feature, ForLayers[layer.Name], disclosure);
    }

    /// <summary>The live feed's form: a feature as stored in the change log, filtered to a new element.</summary>
    public static JsonElement Feature(string layerName, JsonElement feature, Disclosure disclosure)
    {
        if (disclosure == Disclosure.Plain || !ForLayers.ContainsKey(layerName)) return feature;
        var node = JsonNode.Parse(feature.GetRawText())!.AsObject();
        Feature(layerName, node, disclosure);
        return JsonSerializer.SerializeToElement(node);
    }

    /// <summary>The unit a live feature of <paramref name="layerName"/> belongs to, read without copying it.</summary>
    public static string? UnitOf(string layerName, JsonElement feature)
    {
        if (LayerCatalog.Find(layerName) is not { } layer || !feature.TryGetProperty("properties", out var properties)
            || properties.ValueKind != JsonValueKind.Object) return null;
        foreach (var name in layer.PersonalDataUnit)
            if (properties.TryGetProperty(name, out var unit) && unit.ValueKind == JsonValueKind.String) return unit.GetString();
        return null;
    }

    /// <summary>Whether a layer's features carry personal data at all.</summary>
    public static bool HasPersonalData(string layerName) => ForLayers.ContainsKey(layerName);

    static readonly Dictionary<string, PersonalDataShape> ForLayers = LayerCatalog.All
        .Where(l => l.Personal.Count > 0).ToDictionary(l => l.Name, l => PersonalDataShape.ForLayer(l));

    /// <summary>Masks or removes one item's personal fields; returns whether it had any (non-null) to show.</summary>
    static bool Apply(JsonNode item, PersonalDataShape shape, Disclosure disclosure)
    {
        var any = false;
        foreach (var field in shape.Fields)
        {
            var dot = field.Name.LastIndexOf('.');
            var (parentPath, name) = dot < 0 ? ("", field.Name) : (field.Name[..dot], field.Name[(dot + 1)..]);
            foreach (var parent in Select(item, parentPath).OfType<JsonObject>())
            {
                if (!parent.TryGetPropertyValue(name, out var value) || value is null) continue;
                any = true;
                switch (disclosure)
                {
                    case Disclosure.None:
                        parent.Remove(name);
                        break;
                    case Disclosure.Masked:
                        if (value is JsonValue v && v.TryGetValue<string>(out var text)) parent[name] = Masking.Mask(field.Kind, text);
                        else parent.Remove(name); // not text: nothing to mask it as
                        break;
                }
            }
        }
        return any;
    }

    static string? UnitOf(JsonNode item, PersonalDataShape shape)
    {
        foreach (var path in shape.UnitPaths)
            if (Select(item, path).FirstOrDefault() is JsonValue v && v.TryGetValue<string>(out var code)) return code;
        return null;
    }

    /// <summary>The nodes a path reaches from <paramref name="node"/> ("" is the node itself).</summary>
    static IEnumerable<JsonNode> Select(JsonNode node, string path)
    {
        IEnumerable<JsonNode> current = [node];
        if (path.Length == 0) return current;
        foreach (var segment in path.Split('.'))
        {
            var each = segment.EndsWith("[]", StringComparison.Ordinal);
            var name = each ? segment[..^2] : segment;
            current = current.SelectMany(n =>
            {
                var next = name.Length == 0 ? n : (n as JsonObject)?[name];
                return each ? (next as JsonArray)?.OfType<JsonNode>() ?? [] : next is null ? [] : [next];
            }).ToList();
        }
        return current;
    }
}
