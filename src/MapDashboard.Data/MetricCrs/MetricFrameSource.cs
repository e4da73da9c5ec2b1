using MapDashboard.Domain.Projection;
using Npgsql;

namespace MapDashboard.Data.MetricCrs;

/// <summary>
/// The district's metric frame for C# code (the ping speed check): the database's metric_srid(), read once it is
/// decided (a district loaded or a frame configured, both before the server serves); until then read on every call.
/// </summary>
public sealed class MetricFrameSource(NpgsqlDataSource db)
{
    static readonly string CurrentSql = SqlResource.Beside<MetricCrsMarker>("current_frame.sql");
    MetricFrame? _decided;

    public async Task<MetricFrame> GetAsync(CancellationToken cancel)
    {
        if (_decided is { } known) return known;
        await using var cmd = db.CreateCommand(CurrentSql);
        await using var reader = await cmd.ExecuteReaderAsync(cancel);
        await reader.ReadAsync(cancel);
        var frame = MetricFrame.ForSrid(reader.GetInt32(0));
        if (reader.GetBoolean(1)) _decided = frame;
        return frame;
    }
}
