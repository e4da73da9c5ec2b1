using System.Globalization;
using System.Text.Json;
using MapDashboard.Domain.Input;
using MapDashboard.Domain.Patrols;
using MapDashboard.Server.Doors;

namespace MapDashboard.Server.Patrols;

/// <summary>
/// Reads {"pings":[…]} field by field instead of binding a record, so that a
/// ping with a malformed field (a time without offset, a latitude as text) is
/// named by its index like any other bad ping, instead of failing the whole body
/// with a generic 400.
/// </summary>
public static class PingBatchReader
{
    public sealed record Batch(List<PingInput> Pings, List<PingError> Errors);

    /// <returns>Null when the body is not {"pings": [ … ]}.</returns>
    public static Batch? Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("pings", out var array) || array.ValueKind != JsonValueKind.Array)
            return null;
        var pings = new List<PingInput>(array.GetArrayLength());
        var errors = new List<PingError>();
        var i = 0;
        foreach (var element in array.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(i, "ping", PingReasons.Invalid, $"ping {i}: must be an object"));
                pings.Add(new(null, null, null, null, null));
            }
            else
                pings.Add(new(Text(element, i, "worker", errors), Time(element, i, errors),
                    Number(element, i, "lon", errors), Number(element, i, "lat", errors), Number(element, i, "accuracy", errors)));
            i++;
        }
        return new(pings, errors);
    }

    static string? Text(JsonElement ping, int i, string field, List<PingError> errors)
    {
        if (!ping.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.String)
        {
            errors.Add(new(i, field, PingReasons.Invalid, $"ping {i}: {field} must be a string"));
            return null;
        }
        var text = JsonBodies.StringOf(v, out var surrogate);
        if ((surrogate is null ? TextRules.Problem(text, $"ping {i}: {field}", TextRules.MaxCode) : $"ping {i}: {field} {surrogate}") is { } problem)
        {
            errors.Add(new(i, field, PingReasons.Invalid, problem));
            return null;
        }
        return text;
    }

    static double? Number(JsonElement ping, int i, string field, List<PingError> errors)
    {
        if (!ping.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        // A number beyond double's range (1e400) reads as infinity: not a measurement.
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && double.IsFinite(d)) return d;
        errors.Add(new(i, field, PingReasons.Invalid, $"ping {i}: {field} must be a finite number"));
        return null;
    }

    static DateTimeOffset? Time(JsonElement ping, int i, List<PingError> errors)
    {
        var text = Text(ping, i, "recordedAt", errors);
        if (text is null) return null;
        // A time without an offset would be read in the server's zone: refuse rather than guess.
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var local)
            && local.Kind != DateTimeKind.Unspecified
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            return at;
        errors.Add(new(i, "recordedAt", PingReasons.Invalid, $"ping {i}: recordedAt '{text}' is not an ISO-8601 time with an offset (e.g. 2026-11-22T09:30:00+08:00)"));
        return null;
    }
}
