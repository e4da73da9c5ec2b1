using System.Text.Json;

namespace MapDashboard.Server.Doors;

/// <summary>
/// Reading a JSON body by hand (pings, boundaries: bodies read field by field so that every fault is named).
/// Depth is bounded like the bound bodies' (<see cref="DoorRegistration"/>); the size was bounded by
/// <see cref="RequestDoor"/> before this reads a byte.
/// </summary>
public static class JsonBodies
{
    public const int MaxDepth = 32;

    public static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth };

    /// <summary>The parsed body, or null and why it is not JSON.</summary>
    public static async Task<(JsonDocument? Document, string? Problem)> ReadAsync(HttpRequest request, CancellationToken cancel)
    {
        try { return (await JsonDocument.ParseAsync(request.Body, DocumentOptions, cancel), null); }
        catch (JsonException e) { return (null, $"the body is not JSON ({e.Message.Split(" LineNumber:", 2)[0].TrimEnd()})"); }
    }

    /// <summary>A string value; an escaped lone surrogate ("\ud800"), which GetString cannot decode, is reported as such.</summary>
    public static string? StringOf(JsonElement value, out string? problem)
    {
        problem = null;
        try { return value.GetString(); }
        catch (InvalidOperationException) { problem = "holds a lone surrogate: that is not text"; return null; }
    }
}
