using System.Text.Json;
using System.Text.Json.Nodes;

namespace MapDashboard.IntegrationTests.ApiReference;

/// <summary>
/// Checks a JSON answer against a schema of the OpenAPI document (3.1, JSON Schema): $ref, oneOf/anyOf/allOf, type
/// (one or several), required, properties, additionalProperties and items — enough to tell when a record of the
/// document and the JSON PostGIS writes have drifted apart. Each problem names the JSON path.
/// </summary>
public sealed class SchemaCheck(JsonObject document)
{
    public List<string> Problems(JsonNode? value, JsonNode schema, string path = "$")
    {
        var problems = new List<string>();
        Check(value, schema, path, problems);
        return problems;
    }

    JsonObject Resolve(JsonNode schema)
    {
        var node = schema.AsObject();
        while (node["$ref"]?.GetValue<string>() is { } reference)
        {
            var name = reference["#/components/schemas/".Length..];
            node = document["components"]!["schemas"]![name]!.AsObject();
        }
        return node;
    }

    void Check(JsonNode? value, JsonNode schemaNode, string path, List<string> problems)
    {
        var schema = Resolve(schemaNode);
        foreach (var combinator in new[] { "oneOf", "anyOf" })
            if (schema[combinator] is JsonArray choices)
            {
                if (!choices.Any(c => Problems(value, c!, path).Count == 0))
                    problems.Add($"{path}: matches none of its {combinator} ({Kind(value)})");
                return;
            }
        if (schema["allOf"] is JsonArray all)
            foreach (var part in all) Check(value, part!, path, problems);

        var types = schema["type"] switch
        {
            JsonArray many => many.Select(t => t!.GetValue<string>()).ToList(),
            JsonValue one => [one.GetValue<string>()],
            _ => [],
        };
        var kind = Kind(value);
        if (types.Count > 0 && !types.Contains(kind) && !(kind == "integer" && types.Contains("number")))
        {
            problems.Add($"{path}: is {kind}, the document says {string.Join(" or ", types)}");
            return;
        }
        if (value is JsonObject obj)
        {
            if (schema["required"] is JsonArray required)
                foreach (var name in required.Select(r => r!.GetValue<string>()))
                    if (!obj.ContainsKey(name)) problems.Add($"{path}: has no '{name}', which the document says is always there");
            var properties = schema["properties"] as JsonObject;
            foreach (var (name, child) in obj)
            {
                if (properties?[name] is { } described) Check(child, described, $"{path}.{name}", problems);
                else if (schema["additionalProperties"] is JsonObject extra) Check(child, extra, $"{path}.{name}", problems);
                else if (properties is not null) problems.Add($"{path}: has '{name}', which the document does not describe");
            }
        }
        if (value is JsonArray array && schema["items"] is { } items)
            for (var i = 0; i < array.Count; i++) Check(array[i], items, $"{path}[{i}]", problems);
    }

    static string Kind(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => v.TryGetValue<long>(out _) || IsWhole(v) ? "integer" : "number",
            _ => "null",
        },
        _ => "unknown",
    };

    static bool IsWhole(JsonValue v) => v.TryGetValue<double>(out var d) && Math.Abs(d % 1) == 0 && !v.ToJsonString().Contains('.');
}
