using MapDashboard.Data;
using Npgsql;

namespace MapDashboard.IntegrationTests.Data;

/// <summary>
/// A database built as the runner before the schema folder built it: the original migrations 0001–0020
/// (Fixtures/MigrationsV20), each in its own transaction, recorded in schema_migration.
/// </summary>
static class LegacyDatabase
{
    const string Prefix = "MapDashboard.IntegrationTests.Data.Fixtures.MigrationsV20.";

    public static async Task MigrateToVersion20Async(NpgsqlDataSource db)
    {
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            create table schema_migration (
                version    int primary key,
                name       text not null,
                applied_at timestamptz not null default now())
            """);
        var assembly = typeof(LegacyDatabase).Assembly;
        var files = assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix) && n.EndsWith(".sql")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(20, files.Count);
        foreach (var resource in files)
        {
            var file = resource[Prefix.Length..];
            await using var tx = await conn.BeginTransactionAsync();
            await conn.ExecuteAsync(SqlResource.Read(assembly, resource));
            await using var record = new NpgsqlCommand("insert into schema_migration (version, name) values (@v, @n)", conn);
            record.Parameters.AddWithValue("v", int.Parse(file[..4]));
            record.Parameters.AddWithValue("n", file[5..^".sql".Length]);
            await record.ExecuteNonQueryAsync();
            await tx.CommitAsync();
        }
        await conn.ReloadTypesAsync();
    }
}
