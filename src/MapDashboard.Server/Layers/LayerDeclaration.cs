using MapDashboard.Data;
using MapDashboard.Domain.Permissions;

namespace MapDashboard.Server.Layers;

/// <summary>
/// Everything the server and the browser know about one map layer, declared once in the layer's own folder
/// (Layers/NAME/: a class deriving from this, and tile.sql if it has vector tiles). Tiles, the live feed and
/// /api/config read it; the permission rule (Permissions/) masks or removes <see cref="PersonalData"/> from it.
/// </summary>
public abstract class LayerDeclaration
{
    protected LayerDeclaration(string name) => Name = name;

    /// <summary>The name in tile URLs, in the MVT, in the live feed and in /api/config.</summary>
    public string Name { get; }

    /// <summary>The zoom its tiles start at (below it a tile is empty by definition); null = no tiles.</summary>
    public int? MinZoom { get; protected init; }

    /// <summary>Streamed by the live feed: <c>live_feature(Name, id)</c> builds its features (Schema/50_live_feature.sql).</summary>
    public bool Live { get; protected init; }

    /// <summary>A feature's property names: those of its live feature, and of its tile but for <see cref="TileOmits"/>.</summary>
    public IReadOnlyList<string> Properties { get; protected init; } = [];

    /// <summary>
    /// Properties that say who a person is (names, phone numbers, contact details), each with how it is masked.
    /// Every edge that sends this layer's features (tiles, the live hub, the GeoJSON endpoints) masks or removes
    /// them for a viewer by the permission rule; nothing else of the layer is personal.
    /// </summary>
    public IReadOnlyList<PersonalProperty> Personal { get; protected init; } = [];

    /// <summary>The names of <see cref="Personal"/>: what /api/config lists as the layer's personal data.</summary>
    public IReadOnlyList<string> PersonalData => Personal.Select(p => p.Name).ToList();

    /// <summary>
    /// Where a feature's personal data belongs: the properties holding the code of its territory unit, the first
    /// one present counting (a finding's community, else its street). Inside the viewer's jurisdiction it is masked
    /// or revealed; outside, or with none present, it is removed. Declared by every layer with personal data.
    /// </summary>
    public IReadOnlyList<string> PersonalDataUnit { get; protected init; } = [];

    /// <summary>Properties of the live feature its tiles leave out on purpose, each with the reason.</summary>
    public IReadOnlyDictionary<string, string> TileOmits { get; protected init; } = new Dictionary<string, string>();

    /// <summary>Builds <see cref="TileOmits"/>: each reason with the properties it holds for.</summary>
    protected static IReadOnlyDictionary<string, string> Omit(params (string Reason, string[] Properties)[] reasons) =>
        reasons.SelectMany(r => r.Properties.Select(p => (p, r.Reason))).ToDictionary(x => x.p, x => x.Reason);

    /// <summary>
    /// The tile properties anyone may see without an account, for the resident's map on /report (a base layer a
    /// resident needs to find their place: water, roads, building outlines); null = its tiles need sign-in. Only
    /// what says nothing about people or the centre's work may be listed (the README's "Base tiles without an account").
    /// </summary>
    public IReadOnlyList<string>? PublicTileProperties { get; protected init; }
    /// The property holding a feature's time (an incident's report, a worker's last ping), by which the OGC API's
    /// <c>datetime</c> filters; null: the layer has no time. features.sql selects the same value as <c>at</c>.
    /// </summary>
    public string? TimeProperty { get; protected init; }

    public bool HasTiles => MinZoom is not null;

    public bool HasPublicTiles => HasTiles && PublicTileProperties is not null;

    public IEnumerable<string> TileProperties => Properties.Where(p => !TileOmits.ContainsKey(p));

    /// <summary>The personal properties its tiles carry (none on a tile for a viewer who may not see them).</summary>
    public IEnumerable<string> TilePersonalData => TileProperties.Intersect(PersonalData);

    /// <summary>The features query of its tiles: tile.sql in the declaring class's folder (spliced into Tiles/tile.sql).</summary>
    public string TileFeaturesSql() => SqlResource.Read(GetType().Assembly, $"{GetType().Namespace}.tile.sql");

    /// <summary>
    /// The whole layer as rows (id, geom in EPSG:4326, at, properties as the live feature's): features.sql in the
    /// declaring class's folder, spliced into Layers/feature_collection.sql by <see cref="LayerFeatures"/> for the
    /// OGC API and the exports.
    /// </summary>
    public string FeaturesSql() => SqlResource.Read(GetType().Assembly, $"{GetType().Namespace}.features.sql");
}

/// <summary>One personal property of a layer's features and how its value is masked.</summary>
public sealed record PersonalProperty(string Name, PersonalKind Kind);
