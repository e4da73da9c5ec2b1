using System.Collections.Concurrent;
using Npgsql;

namespace MapDashboard.Data.Patrols;

/// <summary>
/// Grid worker codes to ids. Known codes are remembered (a device posts every few
/// seconds; people are rarely deleted), unknown ones are asked again each time,
/// so a worker added with psql can ping at once.
/// </summary>
public sealed class WorkerDirectory(NpgsqlDataSource db)
{
    static readonly string IdsSql = SqlResource.Beside<WorkerDirectory>("worker_ids.sql");
    readonly ConcurrentDictionary<string, int> _known = new();

    public async Task<IReadOnlyDictionary<string, int>> ResolveAsync(IEnumerable<string> codes, CancellationToken cancel)
    {
        var found = new Dictionary<string, int>();
        var missing = new List<string>();
        foreach (var code in codes.Distinct())
            if (_known.TryGetValue(code, out var id)) found[code] = id; else missing.Add(code);
        if (missing.Count == 0) return found;

        await using var cmd = db.CreateCommand(IdsSql);
        cmd.Parameters.AddWithValue("codes", missing.ToArray());
        await using var reader = await cmd.ExecuteReaderAsync(cancel);
        while (await reader.ReadAsync(cancel))
            found[reader.GetString(0)] = _known[reader.GetString(0)] = reader.GetInt32(1);
        return found;
    }
}
