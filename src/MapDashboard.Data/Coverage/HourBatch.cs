using MapDashboard.Data.Geometry;
using MapDashboard.Domain.Patrols;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using Npgsql;

namespace MapDashboard.Data.Coverage;

/// <summary>
/// One transaction of the coverage drain's first half: takes up to a batch of queued worker-hours, reads their
/// trusted pings, cuts the tracks here (<see cref="HourTrackBuilder"/>) and hands the pieces to
/// patrol_store_hours (Schema/41_coverage_store.sql), which measures their lengths, covers and visits and queues the grid-days
/// they reach. A worker's consecutive hours (a whole shift when a day is recomputed) are read and cut as one run.
/// </summary>
public static class HourBatch
{
    static readonly string TakeSql = SqlResource.Beside<CoverageSettings>("take_hours.sql");
    static readonly string RunPingsSql = SqlResource.Beside<CoverageSettings>("run_pings.sql");
    static readonly string OwnGridsSql = SqlResource.Beside<CoverageSettings>("own_grids.sql");

    // The pieces cross as NetTopologySuite LineStrings (geometry[]), cast to the EWKB the function takes: `bench
    // geometry` measured this at 0.984 of a hand-written EWKB writer's time for the whole store, so the library it is.
    public const string StoreSql = """
        select patrol_store_hours(@workers, @hours, @piece_workers, @piece_hours, @piece_numbers, @piece_paths::bytea[],
                                  @piece_pings, @piece_own_seconds, @piece_continued)
        """;

    /// <summary>A worker's consecutive queued hours.</summary>
    sealed record Run(int WorkerId, DateTime FromUtc, int Hours)
    {
        public DateTime ToUtc => FromUtc.AddHours(Hours);
        public double FromT => (FromUtc - DateTime.UnixEpoch).TotalSeconds;
    }

    /// <summary>
    /// Recomputes up to <paramref name="batchSize"/> queued worker-hours in one transaction; returns how many. A
    /// failure of the hours themselves (not of the database being away) is thrown as
    /// <see cref="CoverageBatchFailedException"/> naming the hours taken.
    /// </summary>
    public static async Task<int> RunAsync(NpgsqlConnection conn, int batchSize, CancellationToken cancel)
    {
        await using var tx = await conn.BeginTransactionAsync(cancel);
        var (taken, rules) = await TakeAsync(conn, batchSize, cancel);
        if (taken.Count == 0)
        {
            await tx.CommitAsync(cancel);
            return 0;
        }
        int done;
        try { done = await StoreAsync(conn, taken, rules, cancel); }
        catch (Exception e) when (!DatabaseErrors.IsTransient(e) && e is not OperationCanceledException)
        {
            throw new CoverageBatchFailedException(taken, e);
        }
        await tx.CommitAsync(cancel);
        return done;
    }

    static async Task<int> StoreAsync(NpgsqlConnection conn, List<WorkerHour> taken, TrackRules rules, CancellationToken cancel)
    {
        var keys = taken.Select(h => (h.WorkerId, HourUtc: DateTime.UnixEpoch.AddSeconds(h.HourEpoch))).ToList();
        var runs = Runs(keys);
        var pings = await ReadPingsAsync(conn, runs, rules, cancel);
        var ownGrids = await ReadOwnGridsAsync(conn, runs, cancel);

        await using var store = new NpgsqlCommand(StoreSql, conn) { CommandTimeout = 300 };
        var pieces = new PieceColumns();
        for (var r = 0; r < runs.Count; r++)
        {
            var run = runs[r];
            var inOwnGrid = ownGrids.TryGetValue(run.WorkerId, out var locator)
                ? p => locator.Locate(new Coordinate(p.Lon, p.Lat)) != Location.Exterior
                : (Func<TrackPing, bool>?)null;
            foreach (var piece in HourTrackBuilder.Build(pings[r], run.FromT, run.Hours, rules, inOwnGrid))
                pieces.Add(run.WorkerId, run.FromUtc.AddHours(piece.HourNo), piece);
        }
        store.Parameters.AddWithValue("workers", keys.Select(k => k.WorkerId).ToArray());
        store.Parameters.AddWithValue("hours", keys.Select(k => k.HourUtc).ToArray());
        pieces.Bind(store.Parameters);
        return (int)(await store.ExecuteScalarAsync(cancel))!;
    }

    static async Task<(List<WorkerHour> Taken, TrackRules Rules)> TakeAsync(NpgsqlConnection conn, int batchSize, CancellationToken cancel)
    {
        await using var take = new NpgsqlCommand(TakeSql, conn);
        take.Parameters.AddWithValue("batch", batchSize);
        var taken = new List<WorkerHour>();
        var rules = new TrackRules(0, 0);
        await using var reader = await take.ExecuteReaderAsync(cancel);
        while (await reader.ReadAsync(cancel))
        {
            taken.Add(new WorkerHour(reader.GetInt32(0), reader.GetDouble(1)));
            rules = new TrackRules(reader.GetDouble(2), reader.GetDouble(3));
        }
        return (taken, rules);
    }

    /// <summary>The keys (ordered by worker and hour) as runs of consecutive hours.</summary>
    static List<Run> Runs(List<(int WorkerId, DateTime HourUtc)> keys)
    {
        var runs = new List<Run>();
        foreach (var (worker, hour) in keys)
        {
            if (runs.Count > 0 && runs[^1] is var last && last.WorkerId == worker && last.ToUtc == hour)
                runs[^1] = last with { Hours = last.Hours + 1 };
            else
                runs.Add(new Run(worker, hour, 1));
        }
        return runs;
    }

    /// <summary>Each run's pings, in time order.</summary>
    static async Task<TrackPing[][]> ReadPingsAsync(NpgsqlConnection conn, List<Run> runs, TrackRules rules, CancellationToken cancel)
    {
        await using var read = new NpgsqlCommand(RunPingsSql, conn);
        read.Parameters.AddWithValue("workers", runs.Select(r => r.WorkerId).ToArray());
        read.Parameters.AddWithValue("from_at", runs.Select(r => r.FromUtc).ToArray());
        read.Parameters.AddWithValue("to_at", runs.Select(r => r.ToUtc).ToArray());
        read.Parameters.AddWithValue("gap", rules.GapSeconds);
        var pings = runs.Select(_ => Array.Empty<TrackPing>()).ToArray();
        await using var reader = await read.ExecuteReaderAsync(cancel);
        while (await reader.ReadAsync(cancel))
        {
            var (t, lon, lat) = (reader.GetFieldValue<double[]>(1), reader.GetFieldValue<double[]>(2), reader.GetFieldValue<double[]>(3));
            var run = new TrackPing[t.Length];
            for (var i = 0; i < t.Length; i++) run[i] = new TrackPing(t[i], lon[i], lat[i]);
            // Each part is read in index order and the parts follow each other; a plan that did otherwise must not
            // cut a wrong track.
            if (!IsOrdered(run)) Array.Sort(run, (a, b) => a.T.CompareTo(b.T));
            pings[reader.GetInt64(0) - 1] = run;
        }
        return pings;
    }

    static bool IsOrdered(TrackPing[] pings)
    {
        for (var i = 1; i < pings.Length; i++)
            if (pings[i].T < pings[i - 1].T) return false;
        return true;
    }

    /// <summary>Each worker's own grids as a point locator (the outline's edges indexed once per batch).</summary>
    static async Task<Dictionary<int, IPointOnGeometryLocator>> ReadOwnGridsAsync(NpgsqlConnection conn, List<Run> runs, CancellationToken cancel)
    {
        await using var read = new NpgsqlCommand(OwnGridsSql, conn);
        read.Parameters.AddWithValue("workers", runs.Select(r => r.WorkerId).Distinct().ToArray());
        var grids = new Dictionary<int, IPointOnGeometryLocator>();
        await using var reader = await read.ExecuteReaderAsync(cancel);
        while (await reader.ReadAsync(cancel))
            grids[reader.GetInt32(0)] = new IndexedPointInAreaLocator(reader.GetFieldValue<NetTopologySuite.Geometries.Geometry>(1));
        return grids;
    }

    /// <summary>The pieces as patrol_store_hours takes them: one array per column.</summary>
    sealed class PieceColumns
    {
        readonly List<int> _workers = [], _numbers = [], _pings = [];
        readonly List<DateTime> _hours = [];
        readonly List<NetTopologySuite.Geometries.Geometry> _paths = [];
        readonly List<double> _ownSeconds = [];
        readonly List<bool> _continued = [];

        public void Add(int workerId, DateTime hourUtc, HourPiece piece)
        {
            _workers.Add(workerId);
            _hours.Add(hourUtc);
            _numbers.Add(piece.Piece);
            _paths.Add(TrackGeometry.LineStringM(piece.Vertices));
            _pings.Add(piece.Pings);
            _ownSeconds.Add(piece.OwnSeconds);
            _continued.Add(piece.Continued);
        }

        public void Bind(NpgsqlParameterCollection parameters)
        {
            parameters.AddWithValue("piece_workers", _workers.ToArray());
            parameters.AddWithValue("piece_hours", _hours.ToArray());
            parameters.AddWithValue("piece_numbers", _numbers.ToArray());
            parameters.AddWithValue("piece_paths", _paths.ToArray());
            parameters.AddWithValue("piece_pings", _pings.ToArray());
            parameters.AddWithValue("piece_own_seconds", _ownSeconds.ToArray());
            parameters.AddWithValue("piece_continued", _continued.ToArray());
        }
    }
}
