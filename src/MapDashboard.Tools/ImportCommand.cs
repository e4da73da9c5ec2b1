using System.CommandLine;
using MapDashboard.Data;
using MapDashboard.Data.Audit;
using MapDashboard.Data.Import;
using MapDashboard.Data.Import.Sources;
using MapDashboard.Data.Migrations;

namespace MapDashboard.Tools;

/// <summary>
/// <c>import PATH --layer grids|units|buildings|hazards|organisations|people [--mapping FILE] [--srs EPSG:n] [--from gcj02] [--encoding gbk]
/// [--table NAME] [--write] [--repair] [--actor NAME] [--connection CS]</c>: loads one layer of a district's own GIS
/// file (Shapefile, GeoPackage, GeoJSON). A dry run unless --write: it prints the validation report (in Chinese) and
/// writes nothing; with --write it writes only when the report has no errors, in one transaction.
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var path = new Argument<FileInfo>("path") { Description = "the .shp of a Shapefile set, a .gpkg or a .geojson" };
        var layer = new Option<string>("--layer") { Description = "grids | units | buildings | hazards | organisations | people", Required = true };
        var mapping = new Option<FileInfo?>("--mapping") { Description = "field mapping file (default: the shipped data/import/zh-CN.mapping.json)" };
        var srs = new Option<string?>("--srs") { Description = "the file's coordinate system, e.g. EPSG:4544 (default: the .prj / GeoPackage's own)" };
        var from = new Option<string?>("--from") { Description = "gcj02: the coordinates were copied from a Chinese web map (GCJ-02) and are converted to WGS84" };
        var encoding = new Option<string?>("--encoding") { Description = "a Shapefile's attribute encoding: gbk or utf-8 (default: the .cpg, else GBK)" };
        var table = new Option<string?>("--table") { Description = "the GeoPackage feature table to import, when it holds several (网格, 建筑, …; a refusal lists them); default: the only one" };
        var write = new Option<bool>("--write") { Description = "write, when the report has no errors (default: dry run)" };
        var repair = new Option<bool>("--repair") { Description = "repair invalid polygons (the report states each area change)" };
        var actor = new Option<string?>("--actor") { Description = "who the audit trail names as the importer (default: the system user)" };
        var connection = new Option<string?>("--connection") { Description = ToolConnection.Description };
        var command = new Command("import", "Import one layer of a district's GIS data; a dry run with the validation report unless --write")
            { path, layer, mapping, srs, from, encoding, table, write, repair, actor, connection };
        command.SetAction(async (parse, cancel) =>
        {
            try
            {
                if (!parse.GetRequiredValue(path).Exists) throw new ImportInputException($"找不到文件 {parse.GetRequiredValue(path).Name}", $"no file {parse.GetRequiredValue(path).Name}");
                var request = new ImportRequest(parse.GetRequiredValue(path).FullName, ImportLayer.Named(parse.GetRequiredValue(layer)),
                    parse.GetValue(mapping) is { } m ? FieldMapping.FromFile(m.FullName) : FieldMapping.Shipped())
                {
                    Srs = parse.GetValue(srs),
                    FromGcj02 = parse.GetValue(from) is { } f
                        ? f.Equals("gcj02", StringComparison.OrdinalIgnoreCase) ? true : throw new ImportInputException($"--from 只支持 gcj02，不支持 {f}", $"--from takes only gcj02, not {f}")
                        : false,
                    Encoding = parse.GetValue(encoding) is { } e ? SourceEncoding.Named(e) : null,
                    Table = parse.GetValue(table),
                    Write = parse.GetValue(write),
                    Repair = parse.GetValue(repair),
                };
                await using var db = DashboardDataSource.Create(ToolConnection.Resolve(parse.GetValue(connection)));
                await MigrationRunner.ApplyAsync(db, cancel);
                var report = await DistrictImport.RunAsync(db, request,
                    new AuditScope(parse.GetValue(actor) ?? Environment.UserName, "import", Request: "import " + request.Layer.Name), cancel);
                Console.Write(ImportReportText.Zh(report));
                return report.HasErrors ? 1 : 0;
            }
            catch (ImportInputException e)
            {
                Console.Error.WriteLine($"import: {e.Message}");
                return 2;
            }
            catch (Npgsql.NpgsqlException e) when (e is not Npgsql.PostgresException)
            {
                Console.Error.WriteLine($"import: 无法连接数据库（{e.Message}），请用 --connection 指定");
                return 2;
            }
        });
        return command;
    }
}
