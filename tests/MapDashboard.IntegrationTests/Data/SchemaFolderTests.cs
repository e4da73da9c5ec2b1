using MapDashboard.Data;
using MapDashboard.Data.Migrations;
using MapDashboard.TestSupport;
using Npgsql;

namespace MapDashboard.IntegrationTests.Data;

/// <summary>How the schema folder is kept applied: by content hash, dropping what a file made before.</summary>
public class SchemaFolderTests
{
    const string RoutesFile = "30_patrol_routes.sql";

    [Fact]
    public async Task An_unchanged_folder_is_not_applied_again()
    {
        await using var db = await MigratedAsync("schema_unchanged");
        await using var conn = await db.OpenConnectionAsync();

        Assert.Empty(await SchemaFolder.ApplyAsync(conn));
        Assert.Equal(SchemaFolder.All.Count, await conn.ScalarAsync<long>("select count(*) from schema_object_file"));
    }

    [Fact]
    public async Task A_changed_file_is_applied_again_with_every_file_after_it_and_what_it_no_longer_defines_is_dropped()
    {
        await using var db = await MigratedAsync("schema_changed");
        await using var conn = await db.OpenConnectionAsync();
        var changed = SchemaFolder.All.Select(f => f.Name != RoutesFile ? f : f with
        {
            Sql = f.Sql + "\ncreate function route_probe() returns int language sql immutable as $$ select 1 $$;\n",
        }).ToList();
        var fromRoutes = SchemaFolder.All.Select(f => f.Name).Where(n => string.CompareOrdinal(n, RoutesFile) >= 0).ToList();

        Assert.Equal(fromRoutes, await SchemaFolder.ApplyAsync(conn, changed));
        Assert.Equal(1, await conn.ScalarAsync<int>("select route_probe()"));
        Assert.Equal(RoutesFile, await conn.ScalarAsync<string>("select file from schema_object where identity = 'route_probe()'"));

        Assert.Equal(fromRoutes, await SchemaFolder.ApplyAsync(conn));
        Assert.False(await conn.ScalarAsync<bool>("select exists (select 1 from pg_proc where proname = 'route_probe')"));
        Assert.Empty(await SchemaFolder.ApplyAsync(conn));
    }

    [Fact]
    public async Task A_failing_file_is_named_and_the_database_keeps_what_it_had()
    {
        await using var db = await MigratedAsync("schema_failing");
        await using var conn = await db.OpenConnectionAsync();
        var broken = SchemaFolder.All.Select(f => f.Name != RoutesFile ? f : f with { Sql = f.Sql + "\ncreate function broken( returns int;\n" }).ToList();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SchemaFolder.ApplyAsync(conn, broken));

        Assert.Contains(RoutesFile, error.Message);
        Assert.True(await conn.ScalarAsync<bool>("select exists (select 1 from pg_proc where proname = 'route_feature')"));
        Assert.True(await conn.ScalarAsync<bool>("select exists (select 1 from pg_trigger where tgname = 'hazard_capture')"));
        Assert.Empty(await SchemaFolder.ApplyAsync(conn));
    }

    [Fact]
    public async Task A_view_may_change_its_columns()
    {
        await using var db = await MigratedAsync("schema_view_columns");
        await using var conn = await db.OpenConnectionAsync();
        var changed = SchemaFolder.All.Select(f => !f.Sql.Contains("create view patrol_asset") ? f : f with
        {
            Sql = f.Sql.Replace("create view patrol_asset as\nselect 'building'::text as kind, b.id,", "create view patrol_asset as\nselect 'building'::text as kind, b.id as asset_id, b.id,")
                       .Replace("select 'hazard', h.id,", "select 'hazard', h.id, h.id,"),
        }).ToList();
        Assert.NotEqual(SchemaFolder.All.Select(f => f.Sha256), changed.Select(f => f.Sha256));

        await SchemaFolder.ApplyAsync(conn, changed);
        Assert.Equal(2L, await conn.ScalarAsync<long>("select count(*) from information_schema.columns where table_name = 'patrol_asset' and column_name in ('id', 'asset_id')"));

        await SchemaFolder.ApplyAsync(conn);
        Assert.Equal(0L, await conn.ScalarAsync<long>("select count(*) from information_schema.columns where table_name = 'patrol_asset' and column_name = 'asset_id'"));
    }

    [Fact]
    public async Task A_trigger_dropped_by_hand_comes_back_at_the_next_start()
    {
        await using var db = await MigratedAsync("schema_dropped_by_hand");
        await using (var conn = await db.OpenConnectionAsync())
            await conn.ExecuteAsync("drop trigger hazard_capture on hazard");

        await MigrationRunner.ApplyAsync(db);

        await using var check = await db.OpenConnectionAsync();
        Assert.True(await check.ScalarAsync<bool>("select exists (select 1 from pg_trigger where tgname = 'hazard_capture')"));
    }

    [Fact]
    public async Task Functions_keep_the_settings_their_file_gives_them()
    {
        await using var db = await MigratedAsync("schema_settings");
        await using var conn = await db.OpenConnectionAsync();

        // JIT compiles these for longer than they run (see their files); every apply must keep it off.
        foreach (var name in new[] { "recompute_findings", "patrol_store_hours", "patrol_refresh_grid_days" })
            Assert.Equal(["jit=off"], await conn.ScalarAsync<string[]>($"select proconfig from pg_proc where proname = '{name}'"));
    }

    static async Task<NpgsqlDataSource> MigratedAsync(string purpose)
    {
        var db = NpgsqlDataSource.Create(await TestCluster.CreateDatabaseAsync(purpose));
        await MigrationRunner.ApplyAsync(db);
        return db;
    }
}
