using MapDashboard.Data;
using MapDashboard.Server.Layers;

namespace MapDashboard.Server.Tiles;

/// <summary>
/// The vector-tile layers of the <see cref="LayerCatalog"/>, each with its SQL composed once at start from
/// tile.sql here and the layer's own tile.sql. Below a layer's minimum zoom the tile is empty by definition
/// (too dense to be useful), so no query is run.
/// </summary>
public sealed class TileCatalog
{
    public const int MaxZoom = LayerCatalog.MaxZoom;

    readonly Dictionary<string, TileLayer> _byName;

    public TileCatalog()
    {
        var template = SqlResource.Beside<TileCatalog>("tile.sql");
        Layers = LayerCatalog.Tiled
            .Select(l => new TileLayer(l.Name, l.MinZoom!.Value, Compose(template, l)))
            .ToList();
        _byName = Layers.ToDictionary(l => l.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<TileLayer> Layers { get; }

    public TileLayer? Find(string name) => _byName.GetValueOrDefault(name);

    static string Compose(string template, LayerDeclaration layer) =>
        template.Replace("{features}", layer.TileFeaturesSql().TrimEnd().TrimEnd(';')).Replace("{layer}", layer.Name);
}
