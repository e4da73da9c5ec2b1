using System.Text.Json;
using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Demo;

/// <summary>The generator's own record of the demo district (data/README.md): what the loaded database must match.</summary>
public sealed class DemoManifest
{
    readonly JsonElement _root;

    DemoManifest(JsonElement root) => _root = root;

    public static DemoManifest Load() =>
        new(JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.DemoDistrict, "manifest.json"))).RootElement);

    public JsonElement Deliberate => _root.GetProperty("deliberate");

    public IEnumerable<JsonElement> Gaps => Deliberate.GetProperty("gaps").EnumerateArray();

    public IEnumerable<JsonElement> Overlaps => Deliberate.GetProperty("overlaps").EnumerateArray();

    public IReadOnlyList<string> Codes(string list) =>
        Deliberate.GetProperty(list).EnumerateArray().Select(e => e.GetString()!).ToList();

    public IEnumerable<JsonElement> Disputed => Deliberate.GetProperty("disputed").EnumerateArray();

    public int Count(string file) => _root.GetProperty("counts").GetProperty(file).GetInt32();

    public (double Lon, double Lat) Center =>
        (_root.GetProperty("center")[0].GetDouble(), _root.GetProperty("center")[1].GetDouble());
}
