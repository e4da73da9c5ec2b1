using System.Reflection;
using System.Text.RegularExpressions;
using Npgsql;

namespace MapDashboard.Data.Migrations;

/// <summary>
/// Applies the numbered .sql files of this folder in order, each in its own
/// transaction, then the schema folder (<see cref="SchemaFolder"/>), all under a
/// session advisory lock: several server nodes starting at once on one database
/// would otherwise race on CREATE EXTENSION and the tables.
///
/// Migrations hold tables, indexes, types, data moves and drops; never a function,
/// procedure, view or trigger (those live in the schema folder). The first one is
/// a baseline, 0020: the tables as migrations 0001–0020 left them, squashed. A new
/// database starts from it; a database at version 20 or later has it already.
/// </summary>
public static partial class MigrationRunner
{
    // Any constant shared by every node; "MAPD" in ASCII.
    const long AdvisoryLockKey = 0x4D415044;

    public sealed record Migration(int Version, string Name, string Sql);

    public static IReadOnlyList<Migration> All { get; } = LoadEmbedded();

    public static int LatestVersion => All[^1].Version;

    /// <summary>The squashed baseline's version: a database must be empty or have it.</summary>
    public static int BaselineVersion => All[0].Version;

    public static async Task<int> ApplyAsync(NpgsqlDataSource db, CancellationToken cancel = default)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        await conn.ExecuteAsync($"select pg_advisory_lock({AdvisoryLockKey})", cancel);
        try
        {
            await conn.ExecuteAsync("""
                create table if not exists schema_migration (
                    version    int primary key,
                    name       text not null,
                    applied_at timestamptz not null default now())
                """, cancel);
            var applied = await AppliedVersionsAsync(conn, cancel);
            if (applied.Count > 0 && !applied.Contains(BaselineVersion))
                throw new InvalidOperationException(
                    $"The database is at schema version {applied.Max()}, older than the baseline ({BaselineVersion}) this release starts from: " +
                    $"upgrade it to version {BaselineVersion} with an earlier release first.");
            var count = 0;
            foreach (var m in All.Where(m => !applied.Contains(m.Version)))
            {
                await using var tx = await conn.BeginTransactionAsync(cancel);
                await conn.ExecuteAsync(m.Sql, cancel);
                await using var record = new NpgsqlCommand("insert into schema_migration (version, name) values (@v, @n)", conn);
                record.Parameters.AddWithValue("v", m.Version);
                record.Parameters.AddWithValue("n", m.Name);
                await record.ExecuteNonQueryAsync(cancel);
                await tx.CommitAsync(cancel);
                count++;
            }
            // Types created by CREATE EXTENSION (geometry) must be known to this pool's type cache.
            if (count > 0) await conn.ReloadTypesAsync(cancel);
            await SchemaFolder.ApplyAsync(conn, cancel: cancel);
            return count;
        }
        finally
        {
            await conn.ExecuteAsync($"select pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    public static async Task<int?> CurrentVersionAsync(NpgsqlConnection conn, CancellationToken cancel = default)
    {
        await using var cmd = new NpgsqlCommand("select max(version) from schema_migration", conn);
        try { return await cmd.ExecuteScalarAsync(cancel) is int v ? v : null; }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable) { return null; }
    }

    static async Task<HashSet<int>> AppliedVersionsAsync(NpgsqlConnection conn, CancellationToken cancel)
    {
        var versions = new HashSet<int>();
        await using var cmd = new NpgsqlCommand("select version from schema_migration", conn);
        await using var reader = await cmd.ExecuteReaderAsync(cancel);
        while (await reader.ReadAsync(cancel)) versions.Add(reader.GetInt32(0));
        return versions;
    }

    static IReadOnlyList<Migration> LoadEmbedded()
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = typeof(MigrationRunner).Namespace + ".";
        return assembly.GetManifestResourceNames()
            // Files of this folder only: Catalog/ holds the schema folder's own queries.
            .Where(n => n.StartsWith(prefix) && n.EndsWith(".sql") && !n[prefix.Length..^".sql".Length].Contains('.'))
            .Select(n =>
            {
                var file = n[prefix.Length..];
                var match = FileName().Match(file);
                if (!match.Success) throw new InvalidOperationException($"migration {file} must be named NNNN_name.sql");
                return new Migration(int.Parse(match.Groups[1].Value), match.Groups[2].Value, SqlResource.Read(assembly, n));
            })
            .OrderBy(m => m.Version)
            .ToList();
    }

    [GeneratedRegex(@"^(\d{4})_(.+)\.sql$")]
    private static partial Regex FileName();
}
