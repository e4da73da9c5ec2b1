using NetTopologySuite.Geometries;

namespace MapDashboard.Generator.Model;

/// <summary>A base-map road centre line; <see cref="Class"/> is primary, secondary, residential or path.</summary>
public sealed record Road(string Name, string Class, LineString Line);

/// <summary>A base-map water body; <see cref="Kind"/> is river, lake or canal.</summary>
public sealed record WaterBody(string Name, string Kind, Polygon Area);
