using MapDashboard.Data.MetricCrs;
using MapDashboard.Domain.Patrols;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace MapDashboard.Data.Patrols;

/// <summary>
/// Loads a long run of pings into an empty stretch of time with binary COPY: the demo simulator's backfill of a
/// patrol day (millions of pings at city scale), which the ingest path's one-statement batches of 2,000 took
/// minutes over. The pings are judged by the same <see cref="PingJudge"/> as ingest (the run is judged on its
/// own: it must start after the newest stored ping, which the caller checks, so no stored neighbour can matter and
/// nothing can be a duplicate). COPY fires patrol_ping's statement triggers like an insert, so coverage is queued
/// and positions are kept as for any batch. Committed in chunks, each one COPY, so that no transition table holds
/// the whole day.
/// </summary>
public sealed class PingBulkLoad(NpgsqlDataSource db, PingRules rules)
{
    const string Copy = "copy patrol_ping (worker_id, recorded_at, location, accuracy_m, flag) from stdin (format binary)";
    static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);
    readonly MetricFrameSource _frame = new(db);

    /// <summary>
    /// One chunk's COPY may take longer than a statement's 30 s on a loaded machine (the city's 200,000-ping chunks did,
    /// under a load average of 40, and the day stopped a third of the way): a start-up load is allowed minutes.
    /// </summary>
    static readonly TimeSpan CopyTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Stores <paramref name="pings"/> (one worker's pings in time order, any number of workers); returns how many.</summary>
    public async Task<int> LoadAsync(IReadOnlyList<ValidPing> pings, CancellationToken cancel)
    {
        var flags = PingJudge.Flags(pings, _ => [], rules, await _frame.GetAsync(cancel));
        await using var conn = await db.OpenConnectionAsync(cancel);
        await using var writer = await conn.BeginBinaryImportAsync(Copy, cancel);
        writer.Timeout = CopyTimeout;
        for (var i = 0; i < pings.Count; i++)
        {
            var p = pings[i];
            await writer.StartRowAsync(cancel);
            await writer.WriteAsync(p.WorkerId, NpgsqlDbType.Integer, cancel);
            await writer.WriteAsync(p.RecordedAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancel);
            await writer.WriteAsync(Wgs84.CreatePoint(new Coordinate(p.Lon, p.Lat)), NpgsqlDbType.Geometry, cancel);
            if (p.Accuracy is { } a) await writer.WriteAsync((float)a, NpgsqlDbType.Real, cancel); else await writer.WriteNullAsync(cancel);
            if (flags[i] is { } f) await writer.WriteAsync(f, NpgsqlDbType.Text, cancel); else await writer.WriteNullAsync(cancel);
        }
        await writer.CompleteAsync(cancel);
        return pings.Count;
    }
}
