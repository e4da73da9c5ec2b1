namespace MapDashboard.Server.Import;

/// <summary>
/// The import form's fields as the OpenAPI document describes them (ImportForm reads them): the file (a zipped
/// Shapefile set, a GeoPackage or GeoJSON), the layer, optionally the source's EPSG code, the .dbf's encoding, the
/// GeoPackage's feature table (when it holds several), and the checkboxes gcj02 (convert from GCJ-02) and repair
/// ("true" or "on").
/// </summary>
public sealed record ImportUploadForm(IFormFile File, string Layer, string? Srs, string? Encoding, string? Table, string? Gcj02, string? Repair);
