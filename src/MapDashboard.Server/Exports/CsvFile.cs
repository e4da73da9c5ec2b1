using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MapDashboard.Server.Exports;

/// <summary>
/// CSV as Excel opens it with the Chinese intact: UTF-8 with a byte order mark, RFC 4180 quoting, CRLF line ends.
/// Times (RFC 3339 text) are written in the district's time zone, to the second, as every page shows them.
/// </summary>
public sealed class CsvFile(TimeZoneInfo zone)
{
    readonly StringBuilder _text = new();

    public CsvFile Row(IEnumerable<object?> cells)
    {
        _text.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
        return this;
    }

    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];

    string Cell(object? value)
    {
        var text = value switch
        {
            null => "",
            JsonValue v when v.GetValueKind() == JsonValueKind.String => Time(v.GetValue<string>()),
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
            JsonNode n => n.ToJsonString(),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }

    /// <summary>An RFC 3339 time as local time of the district (2026-12-03 16:05:09); any other text as it is.</summary>
    string Time(string text) =>
        text.Length >= 20 && text[10] == 'T' && char.IsAsciiDigit(text[0])
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : text;
}
