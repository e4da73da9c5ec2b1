using MapDashboard.Data.Import;
using MapDashboard.Data.Import.Coordinates;
using MapDashboard.Data.Import.Sources;

namespace MapDashboard.Server.Import;

/// <summary>
/// The import page's form, besides the file: layer, srs (an EPSG code, when the file does not say or says wrongly),
/// encoding (a Shapefile's attributes), table (a GeoPackage's feature table, when it holds several), gcj02 and repair
/// (checkboxes: "true" or "on"). Null and a problem naming the field when a value is not one the engine takes.
/// </summary>
public static class ImportForm
{
    public const string FilePart = "file";

    public static (ImportRequest? Request, string? Problem) Read(IFormCollection form, string path)
    {
        if (string.IsNullOrWhiteSpace(form["layer"])) return (null, $"layer is required: one of {Layers}");
        ImportLayer layer;
        try { layer = ImportLayer.Named(form["layer"]!); }
        catch (ImportInputException) { return (null, $"layer '{form["layer"]}' is not one of {Layers}"); }

        string? srs = null;
        if (form["srs"].ToString() is { Length: > 0 } given)
        {
            if (CrsName.Epsg(given) is not { } code) return (null, $"srs '{given}' is not an EPSG code (write 4544 or EPSG:4544)");
            srs = $"EPSG:{code}";
        }
        System.Text.Encoding? encoding = null;
        if (form["encoding"].ToString() is { Length: > 0 } named)
        {
            try { encoding = SourceEncoding.Named(named); }
            catch (ImportInputException) { return (null, $"encoding '{named}' is not one of GBK, GB18030, UTF-8"); }
        }
        return (new ImportRequest(path, layer, FieldMapping.Shipped())
        {
            Srs = srs, Encoding = encoding, Table = form["table"].ToString().Trim() is { Length: > 0 } table ? table : null,
            FromGcj02 = Checked(form, "gcj02"), Repair = Checked(form, "repair"),
        }, null);
    }

    static string Layers => string.Join(", ", ImportLayer.All.Select(l => l.Name));

    static bool Checked(IFormCollection form, string field) => form[field].ToString().ToLowerInvariant() is "true" or "on" or "1";
}
