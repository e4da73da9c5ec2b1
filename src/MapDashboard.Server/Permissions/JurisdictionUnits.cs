using System.Collections.Concurrent;
using Npgsql;

namespace MapDashboard.Server.Permissions;

/// <summary>
/// The codes of the units in a jurisdiction (jurisdiction_units in Schema/60_permissions.sql, the one definition),
/// kept a minute per root: the reads that decide per feature (GeoJSON lists, the live hub) ask for one set instead
/// of a query per feature. A unit added meanwhile is outside until the next read, so it errs towards hiding.
/// Writes do not use it: they ask PostGIS in the request (<see cref="Jurisdiction"/>).
/// </summary>
public sealed class JurisdictionUnits(NpgsqlDataSource db, TimeProvider clock)
{
    static readonly TimeSpan Keep = TimeSpan.FromMinutes(1);

    readonly ConcurrentDictionary<string, (IReadOnlySet<string> Codes, DateTimeOffset ReadAt)> _byRoot = new(StringComparer.Ordinal);

    public async Task<IReadOnlySet<string>> GetAsync(string root, CancellationToken cancel)
    {
        if (_byRoot.TryGetValue(root, out var kept) && clock.GetUtcNow() - kept.ReadAt < Keep) return kept.Codes;
        await using var cmd = db.CreateCommand("select code from jurisdiction_units(@root)");
        cmd.Parameters.AddWithValue("root", root);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await cmd.ExecuteReaderAsync(cancel))
            while (await reader.ReadAsync(cancel)) codes.Add(reader.GetString(0));
        _byRoot[root] = (codes, clock.GetUtcNow());
        return codes;
    }
}
