namespace MapDashboard.Server.Options;

/// <summary>What the browser map starts with; everything a deployment may want to change.</summary>
public sealed class MapOptions
{
    public const string Section = "Map";

    /// <summary>
    /// The base layer under the data. "offline" draws roads and the river from
    /// PostGIS (a command centre often has no internet); "xyz" or "wmts" use
    /// <see cref="BaseLayerUrl"/>, e.g. a Tianditu or in-house tile server.
    /// </summary>
    public string BaseLayerKind { get; set; } = "offline";

    public string? BaseLayerUrl { get; set; }

    public string BaseLayerAttribution { get; set; } = "";

    /// <summary>WMTS only: the layer and matrix set the capabilities document names.</summary>
    public string? WmtsLayer { get; set; }

    public string? WmtsMatrixSet { get; set; }

    /// <summary>Seconds browsers may keep a tile; short, because the data is live.</summary>
    public int TileCacheSeconds { get; set; } = 60;
}
