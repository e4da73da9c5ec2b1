using System.Text.Json;
using MapDashboard.Server.ApiReference;

namespace MapDashboard.Server.Http;

/// <summary>A GeoJSON geometry as PostGIS writes it (ST_AsGeoJSON): its type and coordinates (a geometry collection: its geometries).</summary>
[JsonAnswer]
public sealed record GeoJsonGeometry(string Type, JsonElement? Coordinates = null, JsonElement? Geometries = null);

/// <summary>A GeoJSON Feature: its id (a code or a number), geometry and the answer's own properties.</summary>
[JsonAnswer]
public sealed record GeoJsonFeature<TProperties>(string Type, JsonElement Id, GeoJsonGeometry? Geometry, TProperties Properties);

/// <summary>A GeoJSON FeatureCollection of one kind of feature.</summary>
[JsonAnswer]
public sealed record GeoJsonFeatureCollection<TProperties>(string Type, IReadOnlyList<GeoJsonFeature<TProperties>> Features);

/// <summary>A unit, person or organisation named by its code and name.</summary>
[JsonAnswer]
public sealed record CodeName(string Code, string Name);

/// <summary>A territory unit, person or organisation named by code and name, with its kind or role.</summary>
[JsonAnswer]
public sealed record CodeNameKind(string Code, string Name, string Kind);

/// <summary>A text in both languages of the client.</summary>
[JsonAnswer]
public sealed record Worded(string? Zh, string? En);
