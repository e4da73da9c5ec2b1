using System.Text.Json;
using MapDashboard.Generator.Projection;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace MapDashboard.Generator.Output;

/// <summary>
/// Writes NTS geometries as RFC 7946 GeoJSON geometry objects with NetTopologySuite.IO.GeoJSON4STJ, every
/// coordinate rounded to 7 decimals first (the generator's own coordinates already are: <see cref="RoundedWgs84"/>).
/// The bytes are those the hand-written writer before it produced (data/demo regenerates identical).
/// </summary>
public static class GeoJsonGeometry
{
    static readonly JsonSerializerOptions Options = new() { Converters = { new GeoJsonConverterFactory() } };

    public static void Write(Utf8JsonWriter json, Geometry geometry)
    {
        var rounded = geometry.Copy();
        rounded.Apply(RoundTo7Decimals.Instance);
        JsonSerializer.Serialize(json, rounded, Options);
    }

    sealed class RoundTo7Decimals : IEntireCoordinateSequenceFilter
    {
        public static readonly RoundTo7Decimals Instance = new();

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                seq.SetX(i, Math.Round(seq.GetX(i), RoundedWgs84.Decimals));
                seq.SetY(i, Math.Round(seq.GetY(i), RoundedWgs84.Decimals));
            }
        }

        public bool Done => false;
        public bool GeometryChanged => true;
    }
}
