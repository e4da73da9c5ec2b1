using MapDashboard.Data;

namespace MapDashboard.Server.Tiles;

/// <summary>
/// The vector-tile layers, each with its SQL composed once at start from
/// tile.sql and its Layers/NAME.sql. Below a layer's minimum zoom the tile is
/// empty by definition (too dense to be useful), so no query is run.
/// </summary>
public sealed class TileCatalog
{
    public const int MaxZoom = 22;

    static readonly (string Name, int MinZoom)[] Definitions =
    [
        ("water", 0),
        ("territory", 0),
        ("roads", 10),
        ("grids", 10),
        ("hazards", 12),
        ("buildings", 13),
        ("ambiguity", 10),
        ("incidents", 10),
        ("tracks", 13),
        ("coverage", 12),
        ("unvisited", 14),
    ];

    readonly Dictionary<string, TileLayer> _byName;

    public TileCatalog()
    {
        var template = SqlResource.Beside<TileCatalog>("tile.sql");
        Layers = Definitions
            .Select(d => new TileLayer(d.Name, d.MinZoom, Compose(template, d.Name)))
            .ToList();
        _byName = Layers.ToDictionary(l => l.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<TileLayer> Layers { get; }

    public TileLayer? Find(string name) => _byName.GetValueOrDefault(name);

    static string Compose(string template, string layer)
    {
        var features = SqlResource.Read(typeof(TileCatalog).Assembly, $"{typeof(TileCatalog).Namespace}.Layers.{layer}.sql");
        return template.Replace("{features}", features.TrimEnd().TrimEnd(';')).Replace("{layer}", layer);
    }
}
