using MapDashboard.Server.ApiReference;

namespace MapDashboard.Server.Config;

/// <summary>
/// GET /api/config: the district's extent (district_extent.sql; absent before a district is loaded), the start zoom,
/// the district's time zone, the base map, every layer's declaration and the live link's timeout.
/// </summary>
[JsonAnswer]
public sealed record ConfigAnswer(int Zoom, string TimeZone, BaseLayerAnswer BaseLayer, IReadOnlyList<LayerAnswer> Layers, LiveAnswer Live,
    double[]? Center = null, double[]? Extent = null, string? DistrictName = null);

/// <summary>The base map as the browser draws it.</summary>
[JsonAnswer]
public sealed record BaseLayerAnswer(string? Kind, string? Url, string? Attribution, string? WmtsLayer, string? WmtsMatrixSet);

/// <summary>A layer's declaration: its zoom limits, whether it has tiles and live updates, its properties and which are personal.</summary>
[JsonAnswer]
public sealed record LayerAnswer(string Name, int? MinZoom, int? MaxZoom, bool Tiles, bool Live, IReadOnlyList<string> Properties,
    IReadOnlyList<string> PersonalData, IReadOnlyDictionary<string, string> TileOmits);

/// <summary>How long the hub may be silent before the browser calls the link lost.</summary>
[JsonAnswer]
public sealed record LiveAnswer(int ServerTimeoutMilliseconds);
