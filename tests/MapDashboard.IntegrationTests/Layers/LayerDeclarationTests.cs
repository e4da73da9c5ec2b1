using MapDashboard.Server.Layers;
using MapDashboard.Server.Live;
using MapDashboard.Server.Tiles;

namespace MapDashboard.IntegrationTests.Layers;

/// <summary>
/// Each layer's declaration (src/MapDashboard.Server/Layers/NAME/) against the SQL texts that build its
/// features: the tile's select list and live_feature's properties carry exactly the declared names.
/// </summary>
public class LayerDeclarationTests
{
    public static TheoryData<string> Tiled => new(LayerCatalog.Tiled.Select(l => l.Name));

    public static TheoryData<string> Streamed => new(LayerCatalog.Streamed.Select(l => l.Name));

    static LayerDeclaration Layer(string name) => LayerCatalog.Find(name)!;

    [Theory]
    [MemberData(nameof(Tiled))]
    public void The_tile_sql_selects_the_declared_properties_less_the_declared_omissions(string name)
    {
        var layer = Layer(name);
        var columns = SqlNames.SelectColumns(layer.TileFeaturesSql());
        // id and geom are the MVT's feature id and geometry (Tiles/tile.sql), not properties.
        Assert.Equal(["geom", "id"], columns.Where(c => c is "id" or "geom").Order(StringComparer.Ordinal));
        Assert.Equal(layer.TileProperties.Order(StringComparer.Ordinal),
            columns.Where(c => c is not ("id" or "geom")).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Streamed))]
    public void Live_feature_builds_exactly_the_declared_properties(string name) =>
        Assert.Equal(Layer(name).Properties.Order(StringComparer.Ordinal),
            SqlNames.PropertyKeys(LiveFeatureText.Of(name)).Order(StringComparer.Ordinal));

    [Fact]
    public void Personal_data_and_omissions_name_declared_properties_and_every_omission_says_why()
    {
        Assert.All(LayerCatalog.All, l =>
        {
            Assert.Empty(l.PersonalData.Except(l.Properties));
            Assert.Empty(l.TileOmits.Keys.Except(l.Properties));
            Assert.All(l.TileOmits.Values, reason => Assert.True(reason.Length > 20, $"{l.Name}: say why a tile omits it"));
            Assert.True(l.HasTiles || l.Live, $"{l.Name} is neither tiled nor live");
            // An omission only means something where a live feature carries what the tile leaves out.
            Assert.True(l.TileOmits.Count == 0 || (l.HasTiles && l.Live), $"{l.Name} omits from a tile it has no live feature to compare with");
        });
    }

    [Fact]
    public void Every_declaration_is_in_the_catalog_once_and_the_feeds_take_their_layers_from_it()
    {
        var declared = typeof(LayerDeclaration).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(LayerDeclaration)) && !t.IsAbstract).ToHashSet();
        Assert.Equal(declared.OrderBy(t => t.Name), LayerCatalog.All.Select(l => l.GetType()).OrderBy(t => t.Name));
        Assert.Equal(LayerCatalog.All.Count, LayerCatalog.All.Select(l => l.Name).Distinct().Count());
        Assert.Equal(LayerCatalog.Tiled.Select(l => l.Name), new TileCatalog().Layers.Select(l => l.Name));
        Assert.Equal(LayerCatalog.Streamed.Select(l => l.Name), LiveLayers.All);
        Assert.Contains(LiveLayers.Workers, LiveLayers.All);
    }

    [Fact]
    public void A_tile_sql_file_exists_exactly_for_the_layers_with_tiles()
    {
        var assembly = typeof(LayerDeclaration).Assembly;
        var tileFiles = assembly.GetManifestResourceNames()
            .Where(r => r.StartsWith("MapDashboard.Server.Layers.") && r.EndsWith(".tile.sql")).Order().ToList();
        Assert.Equal(LayerCatalog.Tiled.Select(l => $"{l.GetType().Namespace}.tile.sql").Order(), tileFiles);
    }
}
