using System.Text.Json;

namespace MapDashboard.Data.Import;

/// <summary>A problem's facts (jsonb from the checks) as plain values: text, numbers, lists of text.</summary>
static class ProblemDetail
{
    public static IReadOnlyDictionary<string, object?> Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value));
    }

    static object? Plain(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.Array => e.EnumerateArray().Select(x => x.ToString()).ToList(),
        JsonValueKind.Null => null,
        _ => e.ToString(),
    };
}
