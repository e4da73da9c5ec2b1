using MapDashboard.Data;
using MapDashboard.Server.Layers;

namespace MapDashboard.Server.Tiles;

/// <summary>
/// The vector-tile layers of the <see cref="LayerCatalog"/>, each with its SQL composed once at start from
/// tile.sql here and the layer's own tile.sql. Below a layer's minimum zoom the tile is empty by definition
/// (too dense to be useful), so no query is run. A layer whose tiles carry personal data gets its stripped and
/// jurisdiction variants from its declaration: the same features query, wrapped to select its tile properties
/// less the personal ones, or with each personal one kept only where the feature's unit is inside.
/// </summary>
public sealed class TileCatalog
{
    public const int MaxZoom = LayerCatalog.MaxZoom;

    readonly Dictionary<string, TileLayer> _byName;

    public TileCatalog()
    {
        var template = SqlResource.Beside<TileCatalog>("tile.sql");
        Layers = LayerCatalog.Tiled.Select(l => Compose(template, l)).ToList();
        _byName = Layers.ToDictionary(l => l.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<TileLayer> Layers { get; }

    public TileLayer? Find(string name) => _byName.GetValueOrDefault(name);

    static TileLayer Compose(string template, LayerDeclaration layer)
    {
        string Tile(string features) => template.Replace("{features}", features).Replace("{layer}", layer.Name);
        string Keeping(IEnumerable<string> properties, string features) =>
            $"select f.id, f.geom{string.Join("", properties.Select(p => $", f.\"{p}\""))}\nfrom (\n{features}\n) f";
        var features = layer.TileFeaturesSql().TrimEnd().TrimEnd(';');
        var full = Tile(features);
        var open = layer.PublicTileProperties is { } shown ? Tile(Keeping(shown, features)) : null;
        var personal = layer.TilePersonalData.ToList();
        if (personal.Count == 0) return new TileLayer(layer.Name, layer.MinZoom!.Value, full, full, full, open);

        var kept = layer.TileProperties.Except(personal).ToList();
        var unit = $"coalesce({string.Join(", ", layer.PersonalDataUnit.Select(u => $"f.\"{u}\""))})";
        var inside = string.Join("", personal.Select(p =>
            $",\n       case when {unit} in (select code from jurisdiction_units(@root::text)) then f.\"{p}\" end as \"{p}\""));
        return new TileLayer(layer.Name, layer.MinZoom!.Value, full, Tile(Keeping(kept, features)),
            Tile($"select f.id, f.geom{string.Join("", kept.Select(p => $", f.\"{p}\""))}{inside}\nfrom (\n{features}\n) f"), open);
    }
}
