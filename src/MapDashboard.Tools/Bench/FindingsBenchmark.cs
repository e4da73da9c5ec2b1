using System.Diagnostics;
using static MapDashboard.Tools.Bench.BenchFigures;
using MapDashboard.Data;
using MapDashboard.Data.Findings;
using MapDashboard.Generator;
using Npgsql;

namespace MapDashboard.Tools.Bench;

/// <summary>
/// Finding recomputation on a generated district: the full recomputation (from an empty finding table, as on a
/// first load) and one grid-boundary edit's incremental recomputation (the UPDATE with its statement trigger,
/// alternately pulling the grid in by ~10 m and putting it back). Medians of several runs, and peak memory:
/// the PostgreSQL backend's (VmHWM of its process, a fresh backend per phase) and this process's.
/// </summary>
public static class FindingsBenchmark
{
    public sealed record Settings(DistrictSize Size, int Seed, int FullRuns, int EditRuns);

    const double FullTargetSeconds = 10, EditTargetMs = 200;

    public static async Task<int> RunAsync(Settings settings, TextWriter output)
    {
        await using var district = await BenchDistrict.CreateAsync(settings.Size, settings.Seed, output);
        var unpooled = new NpgsqlConnectionStringBuilder(district.Cluster.ConnectionString) { Pooling = false }.ConnectionString;

        var (full, fullPeak) = await PhaseAsync(unpooled, settings.FullRuns, async conn =>
        {
            await conn.ExecuteAsync("truncate finding, finding_history, finding_daily");
            var clock = Stopwatch.StartNew();
            await FindingRecomputation.FullAsync(conn);
            return clock.Elapsed.TotalMilliseconds;
        });
        await using (var conn = new NpgsqlConnection(unpooled))
        {
            await conn.OpenAsync();
            output.WriteLine($"findings: {await conn.ScalarAsync<long>("select count(*) from finding where present")} " +
                             $"({await conn.ScalarAsync<string>("select string_agg(kind || ' ' || n, ', ' order by kind) from (select kind, count(*) n from finding where present group by kind) k")})");
        }

        var grid = "";
        var edits = 0;
        var (edit, editPeak) = await PhaseAsync(unpooled, settings.EditRuns, async conn =>
        {
            if (grid == "")
                grid = await conn.ScalarAsync<string>(
                    "select code from territory_unit where kind = 'community_grid' order by ST_Area(boundary) desc, code offset 100 limit 1");
            // Odd runs pull the grid in, even runs put the original back: every run changes the findings.
            var sql = edits++ % 2 == 0
                ? $"update territory_unit set boundary = ST_Multi(ST_Buffer(boundary, -0.0001, 'join=mitre')) where code = '{grid}'"
                : $"update territory_unit t set boundary = o.boundary from bench_original o where t.code = '{grid}'";
            if (edits == 1)
                await conn.ExecuteAsync($"create table if not exists bench_original as select boundary from territory_unit where code = '{grid}'");
            var clock = Stopwatch.StartNew();
            await conn.ExecuteAsync(sql);
            return clock.Elapsed.TotalMilliseconds;
        });

        output.WriteLine();
        output.WriteLine($"{"",-36}{"median",10}{"min",10}{"max",10}{"target",10}{"backend peak",14}");
        output.WriteLine($"{"full recomputation (s)",-36}{Median(full) / 1000,10:F2}{full.Min() / 1000,10:F2}{full.Max() / 1000,10:F2}{"≤ " + FullTargetSeconds,10}{fullPeak / 1024.0,11:F0} MB");
        output.WriteLine($"{$"one boundary edit, incremental (ms)",-36}{Median(edit),10:F0}{edit.Min(),10:F0}{edit.Max(),10:F0}{"≤ " + EditTargetMs,10}{editPeak / 1024.0,11:F0} MB");
        output.WriteLine($"edited grid {grid}; {settings.FullRuns} full runs, {settings.EditRuns} edits; this process's peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB");
        var met = Median(full) / 1000 <= FullTargetSeconds && Median(edit) <= EditTargetMs;
        output.WriteLine(met ? "targets met" : "targets NOT met");
        return met ? 0 : 1;
    }

    /// <summary>Runs one phase on a fresh backend; returns the run times and the backend's peak resident memory in kB.</summary>
    static async Task<(List<double> Ms, long PeakKb)> PhaseAsync(string connectionString, int runs, Func<NpgsqlConnection, Task<double>> run)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        var pid = await conn.ScalarAsync<int>("select pg_backend_pid()");
        var times = new List<double>();
        for (var i = 0; i < runs; i++) times.Add(await run(conn));
        return (times, PeakResidentKb(pid));
    }
}
