namespace MapDashboard.Data.Live;

/// <summary>One captured change. <see cref="FeatureJson"/> is the GeoJSON Feature, null for a delete.</summary>
public sealed record ChangeRow(
    long Seq,
    string Layer,
    long FeatureId,
    string Op,
    string? FeatureJson,
    NetTopologySuite.Geometries.Geometry? Geometry,
    NetTopologySuite.Geometries.Geometry? OldGeometry);
