using System.Text.Json.Nodes;
using MapDashboard.Server.Layers;
using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Layers;

/// <summary>GET /api/config lists every declared layer: the browser keeps no list of its own.</summary>
[Collection(DemoDistrictCollection.Name)]
public class ConfigLayersTests(DashboardHost host)
{
    [Fact]
    public async Task Config_lists_every_layer_with_its_zooms_tiles_live_properties_and_personal_data()
    {
        var config = JsonNode.Parse(await host.CreateRealClient().GetStringAsync("api/config"))!;
        var layers = config["layers"]!.AsArray().ToDictionary(l => (string)l!["name"]!);
        Assert.Equal(LayerCatalog.All.Select(l => l.Name), layers.Keys);
        Assert.All(LayerCatalog.All, declared =>
        {
            var listed = layers[declared.Name]!;
            Assert.Equal(declared.MinZoom, (int?)listed["minZoom"]);
            Assert.Equal(declared.HasTiles ? LayerCatalog.MaxZoom : null, (int?)listed["maxZoom"]);
            Assert.Equal(declared.HasTiles, (bool)listed["tiles"]!);
            Assert.Equal(declared.Live, (bool)listed["live"]!);
            Assert.Equal(declared.Properties, listed["properties"]!.AsArray().Select(p => (string)p!));
            Assert.Equal(declared.PersonalData, listed["personalData"]!.AsArray().Select(p => (string)p!));
        });
        Assert.Equal(["name"], layers["workers"]!["personalData"]!.AsArray().Select(p => (string)p!));
        Assert.Equal(14, (int?)layers["unvisited"]!["minZoom"]);
    }
}
