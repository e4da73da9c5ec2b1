using System.Globalization;
using System.Text.Json;
using MapDashboard.Generator.Projection;
using NetTopologySuite.Geometries;

namespace MapDashboard.Generator.Output;

/// <summary>
/// Writes NTS geometries as RFC 7946 GeoJSON geometry objects. NetTopologySuite.IO.GeoJSON cannot be restored here,
/// and this needs only the five types the generator makes. Numbers are written with at most 7 decimals.
/// </summary>
public static class GeoJsonGeometry
{
    public static void Write(Utf8JsonWriter json, Geometry geometry)
    {
        json.WriteStartObject();
        json.WriteString("type", geometry.GeometryType);
        json.WritePropertyName("coordinates");
        switch (geometry)
        {
            case Point point:
                WritePosition(json, point.Coordinate);
                break;
            case LineString line:
                WritePositions(json, line.Coordinates);
                break;
            case Polygon polygon:
                WritePolygon(json, polygon);
                break;
            case MultiLineString lines:
                json.WriteStartArray();
                foreach (var line in lines.Geometries) WritePositions(json, line.Coordinates);
                json.WriteEndArray();
                break;
            case MultiPolygon polygons:
                json.WriteStartArray();
                foreach (var polygon in polygons.Geometries) WritePolygon(json, (Polygon)polygon);
                json.WriteEndArray();
                break;
            default:
                throw new NotSupportedException($"GeoJSON output of {geometry.GeometryType} is not needed here");
        }
        json.WriteEndObject();
    }

    /// <summary>A number as written: rounded to 7 decimals, shortest form, invariant culture.</summary>
    public static string Number(double value) =>
        Math.Round(value, RoundedWgs84.Decimals).ToString("R", CultureInfo.InvariantCulture);

    private static void WritePolygon(Utf8JsonWriter json, Polygon polygon)
    {
        json.WriteStartArray();
        WritePositions(json, polygon.ExteriorRing.Coordinates);
        foreach (var hole in polygon.InteriorRings) WritePositions(json, hole.Coordinates);
        json.WriteEndArray();
    }

    private static void WritePositions(Utf8JsonWriter json, Coordinate[] coordinates)
    {
        json.WriteStartArray();
        foreach (var c in coordinates) WritePosition(json, c);
        json.WriteEndArray();
    }

    private static void WritePosition(Utf8JsonWriter json, Coordinate c)
    {
        json.WriteStartArray();
        json.WriteRawValue(Number(c.X), skipInputValidation: true);
        json.WriteRawValue(Number(c.Y), skipInputValidation: true);
        json.WriteEndArray();
    }
}
