using System.Diagnostics;
using static MapDashboard.Tools.Bench.BenchFigures;
using MapDashboard.Data;
using MapDashboard.Data.Coverage;
using MapDashboard.Data.Geometry;
using MapDashboard.Domain.Patrols;
using MapDashboard.Generator;
using Npgsql;

namespace MapDashboard.Tools.Bench;

/// <summary>
/// The one hot path where geometry crosses into PostGIS in bulk: a coverage batch's track pieces handed to
/// patrol_store_hours (migration 0020), which takes them as bytea[] of EWKB. Compares, on the same realistic batch
/// (worker-hours × pings, one LineStringM piece each) in the same run, the hand-written EWKB writer
/// (<see cref="HandWrittenEwkb.WriteLineStringM"/>) against NetTopologySuite LineStrings bound as a geometry[] parameter
/// (Npgsql.NetTopologySuite) and cast to bytea[] in the calling SQL, so the function is unchanged. Each call runs in a
/// transaction that is rolled back, so every round stores the same hours into the same tables; the variants alternate
/// round by round. Also times the bare crossing (the array read back and counted, no store) and, for information,
/// a throw-away copy of the function that takes geometry[] directly.
/// </summary>
public static class GeometryBenchmark
{
    public sealed record Settings(DistrictSize Size, int Seed, int WorkerHours, int Pings, int Rounds);

    const string HandWrittenStoreSql = """
        select patrol_store_hours(@workers, @hours, @piece_workers, @piece_hours, @piece_numbers, @piece_paths,
                                  @piece_pings, @piece_own_seconds, @piece_continued)
        """;

    const string GeometryFunctionSql = """
        select patrol_store_hours_geometry(@workers, @hours, @piece_workers, @piece_hours, @piece_numbers, @piece_paths,
                                           @piece_pings, @piece_own_seconds, @piece_continued)
        """;

    sealed record Variant(string Name, Func<TrackPing[], object> Encode, Func<object[], object> Array, string StoreSql, string CrossSql);

    public static async Task<int> RunAsync(Settings settings, TextWriter output)
    {
        await using var district = await BenchDistrict.CreateAsync(settings.Size, settings.Seed, output);
        var batch = await BatchAsync(district.Db, settings);
        await CreateGeometryFunctionAsync(district.Db);
        output.WriteLine($"batch: {batch.Count} worker-hours × {settings.Pings} pings, one LineStringM piece each; {settings.Rounds} rounds, medians");

        var variants = new[]
        {
            new Variant("hand-written EWKB, bytea[]", v => HandWrittenEwkb.WriteLineStringM(v), a => a.Cast<byte[]>().ToArray(), HandWrittenStoreSql,
                "select sum(ST_NPoints(ST_GeomFromEWKB(p))) from unnest(@piece_paths) p"),
            new Variant("NTS LineStringM, geometry[]::bytea[]", v => TrackGeometry.LineStringM(v), a => a.Cast<NetTopologySuite.Geometries.Geometry>().ToArray(), HourBatch.StoreSql,
                "select sum(ST_NPoints(p)) from unnest(@piece_paths) p"),
            new Variant("NTS, geometry[] (function copy)", v => TrackGeometry.LineStringM(v), a => a.Cast<NetTopologySuite.Geometries.Geometry>().ToArray(), GeometryFunctionSql,
                "select sum(ST_NPoints(p)) from unnest(@piece_paths) p"),
        };
        var figures = variants.ToDictionary(v => v, _ => (Encode: new List<double>(), Cross: new List<double>(), Store: new List<double>()));

        await using var conn = await district.Db.OpenConnectionAsync();
        for (var round = 0; round <= settings.Rounds; round++) // round 0 warms plans, pools and JIT
            foreach (var variant in round % 2 == 0 ? variants : variants.Reverse())
            {
                var clock = Stopwatch.StartNew();
                var paths = variant.Array(batch.Select(b => variant.Encode(b.Vertices)).ToArray());
                var encodeMs = clock.Elapsed.TotalMilliseconds;

                await using var cross = new NpgsqlCommand(variant.CrossSql, conn);
                cross.Parameters.AddWithValue("piece_paths", paths);
                clock.Restart();
                var vertices = Convert.ToInt64(await cross.ExecuteScalarAsync());
                var crossMs = clock.Elapsed.TotalMilliseconds;
                if (vertices != batch.Count * (long)settings.Pings)
                    throw new InvalidOperationException($"{variant.Name}: PostGIS read {vertices} vertices, not {batch.Count * settings.Pings}");

                await using var tx = await conn.BeginTransactionAsync();
                await using var store = new NpgsqlCommand(variant.StoreSql, conn, tx) { CommandTimeout = 600 };
                Bind(store.Parameters, batch, paths);
                clock.Restart();
                var stored = (int)(await store.ExecuteScalarAsync())!;
                var storeMs = clock.Elapsed.TotalMilliseconds;
                await tx.RollbackAsync();
                if (stored != batch.Count) throw new InvalidOperationException($"{variant.Name}: stored {stored} hours, not {batch.Count}");

                if (round == 0) continue;
                figures[variant].Encode.Add(encodeMs);
                figures[variant].Cross.Add(crossMs);
                figures[variant].Store.Add(storeMs + encodeMs);
            }

        output.WriteLine();
        output.WriteLine($"{"",-38}{"encode ms",11}{"cross ms",10}{"store ms",10}   (store = encode + patrol_store_hours)");
        foreach (var v in variants)
            output.WriteLine($"{v.Name,-38}{Median(figures[v].Encode),11:F2}{Median(figures[v].Cross),10:F2}{Median(figures[v].Store),10:F1}");
        var hand = Median(figures[variants[0]].Store);
        var nts = Median(figures[variants[1]].Store);
        output.WriteLine($"NTS / hand-written, whole store: {nts / hand:F3}; spread of the hand-written store: " +
                         $"{figures[variants[0]].Store.Min():F1}–{figures[variants[0]].Store.Max():F1} ms");
        return 0;
    }

    sealed record Piece(int WorkerId, DateTime HourUtc, TrackPing[] Vertices);

    /// <summary>Worker-hours of the district's grid workers, each walking circles of ~100 m inside their grid, a ping every 5 s.</summary>
    static async Task<List<Piece>> BatchAsync(NpgsqlDataSource db, Settings s)
    {
        await using var cmd = db.CreateCommand("""
            select distinct on (g.grid_worker_id) g.grid_worker_id, ST_X(p), ST_Y(p)
            from territory_unit g cross join lateral ST_PointOnSurface(g.boundary) p
            where g.grid_worker_id is not null and patrol_grid_kind(g.kind)
            order by g.grid_worker_id, g.code
            """);
        var workers = new List<(int Id, double Lon, double Lat)>();
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) workers.Add((reader.GetInt32(0), reader.GetDouble(1), reader.GetDouble(2)));
        if (workers.Count == 0) throw new InvalidOperationException("the district has no grid workers");

        var firstHour = new DateTime(DateTime.UtcNow.Year, DateTime.UtcNow.Month, DateTime.UtcNow.Day, 0, 0, 0, DateTimeKind.Utc).AddDays(-1);
        return Enumerable.Range(0, s.WorkerHours).Select(i =>
        {
            var (id, lon, lat) = workers[i % workers.Count];
            var hour = firstHour.AddHours(i / workers.Count);
            var t0 = (hour - DateTime.UnixEpoch).TotalSeconds;
            var vertices = Enumerable.Range(0, s.Pings).Select(k => new TrackPing(
                t0 + k * 3600.0 / s.Pings, lon + (Math.Cos(k * 0.06) - 1) * 100 / 90000.0, lat + Math.Sin(k * 0.06) * 100 / 110570.0)).ToArray();
            return new Piece(id, hour, vertices);
        }).OrderBy(p => p.WorkerId).ThenBy(p => p.HourUtc).ToList();
    }

    static void Bind(NpgsqlParameterCollection parameters, List<Piece> batch, object paths)
    {
        parameters.AddWithValue("workers", batch.Select(p => p.WorkerId).ToArray());
        parameters.AddWithValue("hours", batch.Select(p => p.HourUtc).ToArray());
        parameters.AddWithValue("piece_workers", batch.Select(p => p.WorkerId).ToArray());
        parameters.AddWithValue("piece_hours", batch.Select(p => p.HourUtc).ToArray());
        parameters.AddWithValue("piece_numbers", batch.Select(_ => 1).ToArray());
        parameters.AddWithValue("piece_paths", paths);
        parameters.AddWithValue("piece_pings", batch.Select(p => p.Vertices.Length).ToArray());
        parameters.AddWithValue("piece_own_seconds", batch.Select(_ => 3600.0).ToArray());
        parameters.AddWithValue("piece_continued", batch.Select(_ => false).ToArray());
    }

    /// <summary>A copy of patrol_store_hours in the throw-away database that takes geometry[]: what changing the function would buy.</summary>
    static async Task CreateGeometryFunctionAsync(NpgsqlDataSource db)
    {
        await using var read = db.CreateCommand(
            "select pg_get_functiondef('patrol_store_hours(int[], timestamptz[], int[], timestamptz[], int[], bytea[], int[], float8[], boolean[])'::regprocedure)");
        var definition = (string)(await read.ExecuteScalarAsync())!;
        var copy = definition.Replace("patrol_store_hours(", "patrol_store_hours_geometry(")
            .Replace("piece_paths bytea[]", "piece_paths geometry[]")
            .Replace("ST_GeomFromEWKB(u.ewkb)", "u.ewkb");
        if (copy == definition || copy.Contains("ST_GeomFromEWKB")) throw new InvalidOperationException("patrol_store_hours no longer reads its pieces as expected");
        await using var create = db.CreateCommand(copy);
        await create.ExecuteNonQueryAsync();
    }
}
