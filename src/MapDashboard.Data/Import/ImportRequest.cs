using System.Text;

namespace MapDashboard.Data.Import;

/// <summary>
/// One import: the file (a .shp of a set, a .gpkg, a .geojson), the layer it holds, the field mapping, the
/// coordinate system when the file does not say (or says wrongly), whether its coordinates are GCJ-02, the
/// attribute encoding of a Shapefile, the GeoPackage table, and whether to write (else a dry run) and to repair
/// invalid polygons.
/// </summary>
public sealed record ImportRequest(string Path, ImportLayer Layer, FieldMapping Mapping)
{
    public string? Srs { get; init; }
    public bool FromGcj02 { get; init; }
    public Encoding? Encoding { get; init; }
    public string? Table { get; init; }
    public bool Write { get; init; }
    public bool Repair { get; init; }
}
