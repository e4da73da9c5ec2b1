using System.Diagnostics;
using MapDashboard.Data;
using MapDashboard.Generator;
using Npgsql;
using static MapDashboard.Tools.Bench.BenchFigures;

namespace MapDashboard.Tools.Bench;

/// <summary>
/// Import of a generated district's buildings from a GeoPackage (<see cref="SurveyGeoPackage"/>) against ogr2ogr
/// loading the same table into PostGIS, in the same run. Both run as child processes measured alike
/// (<see cref="MeasuredProcess"/>): our side is this tool's own <c>import … --layer buildings --write</c> (read, map,
/// reproject, stage, validate, write with live capture, findings and audit, one transaction); ogr2ogr writes a new
/// table. Each round gets a fresh database copied from a template that holds the district's units and grids,
/// imported first through the same command (a district loads its territory before its buildings; that import is
/// not timed), and the two sides alternate which goes first. After both, the same round times our table's floor: the
/// buildings the import wrote, written again by one INSERT with every trigger off (<c>bare_write.sql</c>) — what a
/// write into <c>building</c> costs before the import's guarantees (live capture, audit, findings), against which a
/// restated target could be set.
/// </summary>
public static class ImportBenchmark
{
    public sealed record Settings(DistrictSize Size, int Seed, int Rounds);

    const double TargetRatio = 1.5;
    const string Template = "import_template";
    static readonly string BareWriteSetupSql = SqlResource.Beside<Settings>("bare_write_setup.sql");
    static readonly string BareWriteColumnsSql = SqlResource.Beside<Settings>("bare_write_columns.sql");
    static readonly string BareWriteSql = SqlResource.Beside<Settings>("bare_write.sql");

    public static async Task<int> RunAsync(Settings settings, TextWriter output)
    {
        await using var district = await BenchDistrict.CreateAsync(settings.Size, settings.Seed, output, load: false);
        var clock = Stopwatch.StartNew();
        var gpkg = await SurveyGeoPackage.WriteAsync(district.Files, district.Scratch);
        var buildings = await Ogr.FeatureCountAsync(gpkg, SurveyGeoPackage.Buildings);
        output.WriteLine($"wrote the survey GeoPackage ({new FileInfo(gpkg).Length / 1048576.0:F1} MB, {buildings:N0} buildings, EPSG:4490) in {clock.Elapsed.TotalSeconds:F1} s");

        await district.Cluster.CreateDatabaseAsync(Template);
        foreach (var layer in new[] { "units", "grids" })
        {
            var territory = (await ImportAsync(gpkg, layer, district.Cluster.ConnectionStringFor(Template))).Succeeded($"import {layer}");
            output.WriteLine($"imported the {layer} first (not timed against anything): {territory.Seconds:F1} s");
        }

        output.WriteLine($"load average before the rounds: {LoadAverage()}");
        output.WriteLine();
        output.WriteLine($"{"round",-7}{"ours s",10}{"ogr2ogr s",12}{"ratio",8}{"ours peak",12}{"ogr2ogr peak",14}{"bare write s",15}");
        var ours = new List<MeasuredProcess.Run>();
        var ogr = new List<MeasuredProcess.Run>();
        var bare = new List<double>();
        for (var round = 1; round <= settings.Rounds; round++)
        {
            var database = $"import_round_{round}";
            await AdminAsync(district, $"create database {database} template {Template}");
            var cs = district.Cluster.ConnectionStringFor(database);
            Task<MeasuredProcess.Run> Ours() => ImportAsync(gpkg, SurveyGeoPackage.Buildings, cs);
            Task<MeasuredProcess.Run> Ogr2Ogr() => MeasuredProcess.RunAsync("ogr2ogr",
                ["-f", "PostgreSQL", Ogr.PgSource(cs), gpkg, SurveyGeoPackage.Buildings, "-nln", "ogr_buildings"]);
            MeasuredProcess.Run a, b;
            if (round % 2 == 1) { a = (await Ours()).Succeeded("import"); b = (await Ogr2Ogr()).Succeeded("ogr2ogr"); }
            else { b = (await Ogr2Ogr()).Succeeded("ogr2ogr"); a = (await Ours()).Succeeded("import"); }
            await ExpectCountAsync(cs, "building", buildings);
            await ExpectCountAsync(cs, "ogr_buildings", buildings);
            var bareSeconds = await BareWriteSecondsAsync(cs, buildings);
            await AdminAsync(district, $"drop database {database} with (force)");
            ours.Add(a);
            ogr.Add(b);
            bare.Add(bareSeconds);
            output.WriteLine($"{round,-7}{a.Seconds,10:F2}{b.Seconds,12:F2}{a.Seconds / b.Seconds,8:F2}{a.PeakMiB,8:F0} MiB{b.PeakMiB,10:F0} MiB{bareSeconds,15:F2}");
        }

        var ratio = Median(ours.Zip(ogr, (a, b) => a.Seconds / b.Seconds).ToList());
        double MedianOf(List<MeasuredProcess.Run> runs, Func<MeasuredProcess.Run, double> figure) => Median(runs.Select(figure).ToList());
        var (ourSeconds, ogrSeconds) = (MedianOf(ours, r => r.Seconds), MedianOf(ogr, r => r.Seconds));
        output.WriteLine();
        output.WriteLine($"import of {buildings:N0} buildings, median of {settings.Rounds}: ours {ourSeconds:F2} s ({buildings / ourSeconds:N0} buildings/s, " +
                         $"peak {MedianOf(ours, r => r.PeakMiB):F0} MiB resident), ogr2ogr {ogrSeconds:F2} s (peak {MedianOf(ogr, r => r.PeakMiB):F0} MiB)");
        output.WriteLine($"ours / ogr2ogr: {ratio:F2} (median of the rounds' ratios), {ourSeconds / ogrSeconds:F2} (of the medians); target ≤ {TargetRatio}");
        var bareMedian = Median(bare);
        output.WriteLine($"our table's floor, the same buildings written again by one INSERT with no trigger: {bareMedian:F2} s (median); " +
                         $"ours / that: {Median(ours.Zip(bare, (a, b) => a.Seconds / b).ToList()):F2}");
        output.WriteLine($"load average at the end: {LoadAverage()}");
        output.WriteLine(ratio <= TargetRatio ? "target met" : "target NOT met");
        return ratio <= TargetRatio ? 0 : 1;
    }

    /// <summary>This tool's own import command in a process of its own, writing one layer of the GeoPackage.</summary>
    static Task<MeasuredProcess.Run> ImportAsync(string gpkg, string table, string connectionString) =>
        MeasuredProcess.RunAsync("dotnet", [typeof(ImportBenchmark).Assembly.Location, "import", gpkg, "--layer", table, "--table", table,
            "--write", "--actor", BenchAccount.UserName, "--connection", connectionString]);

    /// <summary>
    /// The buildings the import wrote, written again into <c>building</c> by one statement with every trigger off, in a
    /// transaction rolled back: seconds of that INSERT alone, as the server ran it.
    /// </summary>
    static async Task<double> BareWriteSecondsAsync(string connectionString, long expected)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await using var transaction = await conn.BeginTransactionAsync();
        await conn.ExecuteAsync(BareWriteSetupSql);
        var columns = await conn.ScalarAsync<string>(BareWriteColumnsSql);
        var clock = Stopwatch.StartNew();
        await using (var insert = new NpgsqlCommand(BareWriteSql.Replace("{columns}", columns), conn))
        {
            insert.CommandTimeout = 0;
            var written = await insert.ExecuteNonQueryAsync();
            if (written != expected) throw new InvalidOperationException($"the bare write wrote {written} buildings, the import {expected}");
        }
        var seconds = clock.Elapsed.TotalSeconds;
        await transaction.RollbackAsync();
        return seconds;
    }

    static async Task ExpectCountAsync(string connectionString, string table, long expected)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        var count = await conn.ScalarAsync<long>($"select count(*) from {table}");
        if (count != expected) throw new InvalidOperationException($"{table} holds {count} rows, the GeoPackage {expected}");
    }

    static async Task AdminAsync(BenchDistrict district, string sql)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(district.Cluster.ConnectionStringFor("postgres")) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await conn.ExecuteAsync(sql);
    }
}
