using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using MapDashboard.Domain.Input;

namespace MapDashboard.Server.Open311;

/// <summary>
/// GeoReport v2 answers in json or xml from one JSON document (built by PostGIS
/// or here). XML follows the spec's element names: a collection root with one
/// element per item (services/service, service_requests/request, errors/error),
/// nested arrays named by their singular (attributes/attribute, values/value).
/// </summary>
public static class Open311Format
{
    public const string Json = "json";
    public const string Xml = "xml";

    // Chinese service names and apostrophes stay readable instead of \uXXXX escapes; the body is never HTML.
    static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    static readonly Dictionary<string, string> Singular = new() { ["attributes"] = "attribute", ["values"] = "value" };

    public static string ToJson(JsonNode node) => node.ToJsonString(Readable);

    public static bool IsKnown(string format) => format is Json or Xml;

    /// <summary>An array answer: <paramref name="root"/> holds one <paramref name="item"/> per element.</summary>
    public static IResult List(string format, string json, string root, string item, int status = StatusCodes.Status200OK) =>
        format == Xml
            ? Text(new XElement(root, JsonNode.Parse(json)!.AsArray().Select(n => Element(item, n))).ToString(SaveOptions.DisableFormatting), format, status)
            : Text(json, format, status);

    /// <summary>An object answer (service_definition).</summary>
    public static IResult Object(string format, JsonObject obj, string root) =>
        format == Xml ? Text(Element(root, obj).ToString(SaveOptions.DisableFormatting), format, 200) : Text(obj.ToJsonString(Readable), format, 200);

    /// <summary>The spec's error format: [{code, description}], or &lt;errors&gt;&lt;error&gt;… in xml. The HTTP status is the first code.</summary>
    public static IResult Errors(string format, int status, params string[] descriptions)
    {
        var array = new JsonArray(descriptions.Select(d => (JsonNode)new JsonObject { ["code"] = status, ["description"] = d }).ToArray());
        return List(format == Xml ? Xml : Json, array.ToJsonString(Readable), "errors", "error", status);
    }

    static IResult Text(string body, string format, int status) => format == Xml
        ? TypedResults.Text("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + body, "text/xml; charset=utf-8", Encoding.UTF8, status)
        : TypedResults.Text(body, "application/json; charset=utf-8", Encoding.UTF8, status);

    static XElement Element(string name, JsonNode? node) => node switch
    {
        null => new XElement(name),
        JsonObject o => new XElement(name, o.Select(p => Element(p.Key, p.Value))),
        JsonArray a => new XElement(name, a.Select(n => Element(Singular.GetValueOrDefault(name, "item"), n))),
        JsonValue v when v.TryGetValue<bool>(out var b) => new XElement(name, b ? "true" : "false"),
        JsonValue v when v.TryGetValue<decimal>(out var d) => new XElement(name, d.ToString(CultureInfo.InvariantCulture)),
        // Rows stored before the door checked text (or written with psql) may hold characters XML cannot carry.
        JsonValue v when v.TryGetValue<string>(out var s) => new XElement(name, TextRules.XmlSafe(s)),
        JsonValue v => new XElement(name, v.ToJsonString()),
        _ => new XElement(name, node.ToJsonString()),
    };
}
