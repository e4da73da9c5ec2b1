using System.Text.Json;
using MapDashboard.Data.Import.Coordinates;
using MapDashboard.Data.Import.Sources;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace MapDashboard.Data.Import;

using Geometry = NetTopologySuite.Geometries.Geometry;

/// <summary>
/// The file's records as the staging SQL takes them (stage.sql): one JSON array of the row number, the mapped
/// fields and the geometry in EPSG:4326 as WKB, coordinates rounded to 1e-7° (about 1 cm, as the generator
/// writes): a re-import of an unchanged file then yields the very same coordinates, so nothing looks changed.
/// </summary>
public static class StagedRows
{
    public static string Json(SourceLayer source, ImportLayer layer, FieldMapping mapping, ToWgs84? toWgs84, bool fromGcj02)
    {
        var writer = new WKBWriter(ByteOrder.LittleEndian, false, false);
        var rows = source.Features.Select(f => new
        {
            row = f.Row,
            fields = mapping.Map(layer, f.Attributes),
            wkb = f.Geometry is null || toWgs84 is null ? null : Convert.ToHexString(writer.Write(InWgs84(f.Geometry, toWgs84, fromGcj02))),
        });
        return JsonSerializer.Serialize(rows);
    }

    static Geometry InWgs84(Geometry source, ToWgs84 toWgs84, bool fromGcj02)
    {
        var wgs84 = toWgs84.Apply(source);
        if (fromGcj02) wgs84 = Gcj02.ToWgs84(wgs84);
        wgs84.Apply(new RoundToCentimetre());
        wgs84.GeometryChanged();
        return wgs84;
    }

    sealed class RoundToCentimetre : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            seq.SetX(i, Math.Round(seq.GetX(i), 7));
            seq.SetY(i, Math.Round(seq.GetY(i), 7));
        }
    }
}
