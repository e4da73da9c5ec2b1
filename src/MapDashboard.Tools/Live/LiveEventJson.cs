using System.Text.Json;
using System.Text.Json.Nodes;

namespace MapDashboard.Tools.Live;

/// <summary>
/// A <see cref="LiveEvent"/> as one JSON object, the shape LiveClient/subscribe.mjs prints for the same event, so a
/// benchmark reads the .NET and the node clients alike and a test checks what a client saw in one form.
/// </summary>
public static class LiveEventJson
{
    public static JsonObject ToJson(LiveEvent e, int client, bool withFeature)
    {
        var json = new JsonObject { ["t"] = e.AtMs };
        switch (e)
        {
            case LiveEvent.Subscribed s:
                Add(json, "subscribed", client);
                json["protocol"] = s.Result.Protocol;
                json["seq"] = s.Result.Seq;
                json["replayed"] = s.Result.Replayed;
                json["resync"] = s.Result.Resync;
                break;
            case LiveEvent.Changes c:
                Add(json, "changes", client);
                json["fromSeq"] = c.Batch.FromSeq;
                json["toSeq"] = c.Batch.ToSeq;
                json["items"] = new JsonArray(c.Batch.Items.Select(i => (JsonNode)new JsonObject
                {
                    ["seq"] = i.Seq, ["layer"] = i.Layer, ["id"] = i.Id, ["op"] = i.Op, ["code"] = Code(i.Feature),
                    ["feature"] = withFeature && i.Feature is { } f ? JsonNode.Parse(f.GetRawText()) : null,
                }).ToArray());
                break;
            case LiveEvent.Positions p:
                Add(json, "positions", client);
                json["count"] = p.Batch.Items.Count;
                json["ids"] = new JsonArray(p.Batch.Items.Select(i => (JsonNode)JsonValue.Create(i.Id)).ToArray());
                break;
            case LiveEvent.Heartbeat h:
                Add(json, "heartbeat", client);
                json["seq"] = h.Beat.Seq;
                break;
            case LiveEvent.Resync r:
                Add(json, "resync", client);
                json["reason"] = r.Notice.Reason;
                json["seq"] = r.Notice.Seq;
                break;
            case LiveEvent.Closed:
                Add(json, "closed", client);
                break;
            case LiveEvent.Error error:
                Add(json, "error", client);
                json["message"] = error.Message;
                break;
        }
        return json;
    }

    static void Add(JsonObject json, string name, int client)
    {
        json["event"] = name;
        json["client"] = client;
    }

    static string? Code(JsonElement? feature) =>
        feature is { ValueKind: JsonValueKind.Object } f && f.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object
        && p.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
            ? code.GetString()
            : null;
}
