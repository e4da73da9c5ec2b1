using MapDashboard.Server.Layers.Findings;
using MapDashboard.Server.Layers.Buildings;
using MapDashboard.Server.Layers.Coverage;
using MapDashboard.Server.Layers.Grids;
using MapDashboard.Server.Layers.Hazards;
using MapDashboard.Server.Layers.Incidents;
using MapDashboard.Server.Layers.Roads;
using MapDashboard.Server.Layers.Routes;
using MapDashboard.Server.Layers.Territory;
using MapDashboard.Server.Layers.Tracks;
using MapDashboard.Server.Layers.Unvisited;
using MapDashboard.Server.Layers.Water;
using MapDashboard.Server.Layers.Workers;

namespace MapDashboard.Server.Layers;

/// <summary>
/// Every layer of the map, each declared in its own folder here. To add a layer: a folder Layers/NAME/ with a
/// LayerDeclaration (and tile.sql if it has tiles, its branch in live_feature if it is live), and one line below.
/// </summary>
public static class LayerCatalog
{
    /// <summary>The deepest zoom any tile is served at.</summary>
    public const int MaxZoom = 22;

    /// <summary>Base layers first, then as the maps stack them.</summary>
    public static readonly IReadOnlyList<LayerDeclaration> All =
    [
        new WaterLayer(),
        new TerritoryLayer(),
        new RoadsLayer(),
        new GridsLayer(),
        new HazardsLayer(),
        new BuildingsLayer(),
        new FindingsLayer(),
        new IncidentsLayer(),
        new TracksLayer(),
        new CoverageLayer(),
        new UnvisitedLayer(),
        new RoutesLayer(),
        new WorkersLayer(),
    ];

    public static IEnumerable<LayerDeclaration> Tiled => All.Where(l => l.HasTiles);

    public static IEnumerable<LayerDeclaration> Streamed => All.Where(l => l.Live);

    public static LayerDeclaration? Find(string name) => All.FirstOrDefault(l => l.Name == name);
}
