using NetTopologySuite.Geometries;

namespace MapDashboard.Data.Import.Sources;

using Geometry = NetTopologySuite.Geometries.Geometry;

/// <summary>
/// One record of a district's file as read: its 1-based row in the file (what the validation report names), its
/// attributes under the source's own field names, and its geometry in the source's coordinate system.
/// </summary>
public sealed record SourceFeature(int Row, IReadOnlyDictionary<string, object?> Attributes, Geometry? Geometry);

/// <summary>
/// A layer read from a file: its features and what the file says of its coordinate system — WKT (a .prj, a
/// GeoPackage's definition) and/or an EPSG code — or neither, when the file is silent (then --srs must say).
/// </summary>
public sealed record SourceLayer(IReadOnlyList<SourceFeature> Features, string? CrsWkt, int? Epsg);
