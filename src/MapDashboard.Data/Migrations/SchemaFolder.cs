using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace MapDashboard.Data.Migrations;

/// <summary>
/// Applies the schema folder (Schema/NN_name.sql): the one current text of every function, procedure, view
/// and trigger. Migrations hold tables, indexes and data; this runs after them, under their advisory lock.
///
/// A file owns the objects it made when it was last applied (recorded in schema_object). When a file's
/// content hash changes, it and every file after it in name order are re-applied in one transaction: their
/// objects are dropped (triggers first, then views and routines newest first) and the files run again in
/// order. Later files are taken along because only they can depend on an earlier one's objects (a trigger
/// on its function, a SQL function's body on another), so the drop never has to cascade into a file that
/// is not run again. Dropping first means an object a file no longer defines cannot linger, a view may
/// change its columns and a function its signature, and plain <c>create</c> (not <c>or replace</c>) fails
/// loudly if two files define one object.
///
/// A database whose objects came from migrations (schema version 20 before the folder existed) owns
/// nothing yet: on that first apply every project function, view and trigger is dropped and the whole
/// folder runs.
/// </summary>
public static partial class SchemaFolder
{
    public sealed record SchemaFile(string Name, string Sql)
    {
        // Computed on each read, not stored: a copy made with `with { Sql = … }` must not keep the old hash.
        public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));
    }

    /// <summary>The embedded schema files in the order they are applied (by name).</summary>
    public static IReadOnlyList<SchemaFile> All { get; } = LoadEmbedded();

    sealed record CatalogObject(string Kind, string Identity, string DropSql, int DropRank, long Created);

    /// <summary>
    /// Re-applies what changed since the last apply (see the class); returns the names of the files applied,
    /// none when nothing changed. The caller holds the migrations' advisory lock.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(NpgsqlConnection conn, IReadOnlyList<SchemaFile>? files = null,
        CancellationToken cancel = default)
    {
        files = (files ?? All).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        await conn.ExecuteAsync(CatalogSql("schema_tracking.sql"), cancel);

        var applied = await AppliedAsync(conn, cancel);
        var owned = await OwnedAsync(conn, cancel);
        var present = (await CatalogAsync(conn, cancel)).Select(o => o.Identity).ToHashSet();
        var first = FirstToApply(files, applied, owned, present);
        if (first is null) return [];

        await using var tx = await conn.BeginTransactionAsync(cancel);
        await conn.ExecuteAsync("set local check_function_bodies = on", cancel);

        // Migration-made objects of a database that predates the folder are owned by no file: all of them go.
        var adopting = applied.Count == 0;
        var rerun = files.Where(f => string.CompareOrdinal(f.Name, first) >= 0).ToList();
        var leaving = owned.Where(o => string.CompareOrdinal(o.Value, first) >= 0).Select(o => o.Key).ToHashSet();
        var drops = (await CatalogAsync(conn, cancel))
            .Where(o => leaving.Contains(o.Identity) || (adopting && !owned.ContainsKey(o.Identity)))
            .OrderBy(o => o.DropRank).ThenByDescending(o => o.Created);
        foreach (var o in drops) await conn.ExecuteAsync(o.DropSql, cancel);

        await using (var forget = new NpgsqlCommand("""
            delete from schema_object where file >= @first collate "C";
            delete from schema_object_file where name >= @first collate "C"
            """, conn))
        {
            forget.Parameters.AddWithValue("first", first);
            await forget.ExecuteNonQueryAsync(cancel);
        }

        foreach (var file in rerun)
        {
            var before = (await CatalogAsync(conn, cancel)).Select(o => o.Identity).ToHashSet();
            try { await conn.ExecuteAsync(file.Sql, cancel); }
            catch (PostgresException e)
            {
                // The whole apply rolls back: the database keeps the objects it had.
                throw new InvalidOperationException($"schema file {file.Name} failed: {e.MessageText}", e);
            }
            var made = (await CatalogAsync(conn, cancel)).Where(o => !before.Contains(o.Identity)).ToList();
            await RecordAsync(conn, file, made, cancel);
        }
        await tx.CommitAsync(cancel);
        return rerun.Select(f => f.Name).ToList();
    }

    /// <summary>
    /// The first file (by name) to re-apply: a new or changed file, the place of a file that is gone, or a file
    /// whose objects are not all there (dropped by hand); null when the database matches the folder.
    /// </summary>
    static string? FirstToApply(IReadOnlyList<SchemaFile> files, Dictionary<string, string> applied,
        Dictionary<string, string> owned, HashSet<string> present)
    {
        var names = files.Select(f => f.Name).ToHashSet();
        var starts = files.Where(f => !applied.TryGetValue(f.Name, out var sha) || sha != f.Sha256).Select(f => f.Name)
            .Concat(applied.Keys.Where(n => !names.Contains(n)))
            .Concat(owned.Where(o => !present.Contains(o.Key)).Select(o => o.Value));
        return starts.Order(StringComparer.Ordinal).FirstOrDefault();
    }

    static async Task RecordAsync(NpgsqlConnection conn, SchemaFile file, List<CatalogObject> made, CancellationToken cancel)
    {
        await using var cmd = new NpgsqlCommand("""
            insert into schema_object_file (name, sha256) values (@name, @sha256);
            insert into schema_object (identity, kind, file)
            select identity, kind, @name from unnest(@identities, @kinds) as o(identity, kind)
            """, conn);
        cmd.Parameters.AddWithValue("name", file.Name);
        cmd.Parameters.AddWithValue("sha256", file.Sha256);
        cmd.Parameters.AddWithValue("identities", made.Select(o => o.Identity).ToArray());
        cmd.Parameters.AddWithValue("kinds", made.Select(o => o.Kind).ToArray());
        await cmd.ExecuteNonQueryAsync(cancel);
    }

    static async Task<List<CatalogObject>> CatalogAsync(NpgsqlConnection conn, CancellationToken cancel)
    {
        var objects = new List<CatalogObject>();
        await using var cmd = new NpgsqlCommand(CatalogSql("schema_objects.sql"), conn);
        await using var reader = await cmd.ExecuteReaderAsync(cancel);
        while (await reader.ReadAsync(cancel))
            objects.Add(new CatalogObject(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt64(4)));
        return objects;
    }

    static Task<Dictionary<string, string>> AppliedAsync(NpgsqlConnection conn, CancellationToken cancel) =>
        PairsAsync(conn, "select name, sha256 from schema_object_file", cancel);

    static Task<Dictionary<string, string>> OwnedAsync(NpgsqlConnection conn, CancellationToken cancel) =>
        PairsAsync(conn, "select identity, file from schema_object", cancel);

    static async Task<Dictionary<string, string>> PairsAsync(NpgsqlConnection conn, string sql, CancellationToken cancel)
    {
        var pairs = new Dictionary<string, string>();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync(cancel);
        while (await reader.ReadAsync(cancel)) pairs[reader.GetString(0)] = reader.GetString(1);
        return pairs;
    }

    static IReadOnlyList<SchemaFile> LoadEmbedded()
    {
        var assembly = typeof(SchemaFolder).Assembly;
        const string prefix = "MapDashboard.Data.Schema.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[prefix.Length..];
                if (!FileName().IsMatch(file)) throw new InvalidOperationException($"schema file {file} must be named NN_name.sql");
                return new SchemaFile(file, SqlResource.Read(assembly, n));
            })
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex(@"^\d{2}_[a-z0-9_]+\.sql$")]
    private static partial Regex FileName();

    static string CatalogSql(string fileName) =>
        SqlResource.Read(typeof(SchemaFolder).Assembly, $"{typeof(SchemaFolder).Namespace}.Catalog.{fileName}");
}
