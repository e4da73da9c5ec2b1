using System.Text;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;

namespace MapDashboard.Data.Import.Sources;

/// <summary>A Shapefile set (.shp, .shx, .dbf, and the .prj and .cpg when present).</summary>
public static class ShapefileSource
{
    /// <summary>Attributes in <paramref name="encoding"/> if given, else as the .cpg says, else GBK (what Chinese survey tools write).</summary>
    public static SourceLayer Read(string shpPath, Encoding? encoding)
    {
        var options = new ShapefileReaderOptions { Encoding = encoding ?? SourceEncoding.FromCpg(shpPath) ?? SourceEncoding.Named("GBK") };
        var features = new List<SourceFeature>();
        using (var reader = Shapefile.OpenRead(shpPath, options))
        {
            var row = 0;
            while (reader.Read())
            {
                row++;
                var attributes = reader.Fields.ToDictionary(f => f.Name, f => (object?)f.Value, StringComparer.OrdinalIgnoreCase);
                features.Add(new SourceFeature(row, attributes, reader.Geometry is { IsEmpty: false } g ? g : null));
            }
        }
        var prj = Path.ChangeExtension(shpPath, ".prj");
        return new SourceLayer(features, File.Exists(prj) ? File.ReadAllText(prj) : null, null);
    }
}
