using MapDashboard.Data;
using MapDashboard.Data.Loading;
using MapDashboard.Data.Migrations;
using MapDashboard.TestSupport;
using Npgsql;

namespace MapDashboard.IntegrationTests.Data;

/// <summary>
/// The squashed baseline plus the schema folder must build exactly what a deployed database at version 20
/// (the original migrations, the demo district in it) becomes when this runner upgrades it.
/// </summary>
public class SchemaUpgradeTests
{
    [Fact]
    public async Task A_database_upgraded_from_version_20_and_one_built_from_empty_have_identical_schemas()
    {
        var upgraded = await TestCluster.CreateDatabaseAsync("upgraded_from_v20");
        await using (var db = NpgsqlDataSource.Create(upgraded))
        {
            await LegacyDatabase.MigrateToVersion20Async(db);
            // A version-20 database has no metric frame (migration 0040): the upgrade's first start settles it.
            Assert.True((await DistrictLoader.LoadIfEmptyAsync(db, RepositoryPaths.DemoDistrict, settleMetricFrame: false)).Loaded);

            // The baseline is version 20: only the migrations after it run, and the schema folder takes over.
            Assert.Equal(MigrationRunner.All.Count(m => m.Version > 20), await MigrationRunner.ApplyAsync(db));
            await using var conn = await db.OpenConnectionAsync();
            Assert.Equal(MigrationRunner.LatestVersion, await MigrationRunner.CurrentVersionAsync(conn));
            Assert.Equal(SchemaFolder.All.Count, await conn.ScalarAsync<long>("select count(*) from schema_object_file"));

            // The district's edits still go through the recreated triggers: captured live, findings kept current.
            var seq = await conn.ScalarAsync<long>("select coalesce(max(seq), 0) from change_log");
            await conn.ExecuteAsync("update building set owner_id = null where id = (select min(id) from building where owner_id is not null)");
            Assert.True(await conn.ScalarAsync<long>($"select count(*) from change_log where seq > {seq} and layer = 'buildings'") == 1);
            Assert.True(await conn.ScalarAsync<bool>("""
                select exists (select 1 from finding where kind = 'ownerless' and present
                               and asset_code = (select code from building where id = (select min(id) from building where owner_id is null)))
                """));
        }

        var fresh = await TestCluster.CreateDatabaseAsync("built_from_empty");
        await using (var db = NpgsqlDataSource.Create(fresh))
            await MigrationRunner.ApplyAsync(db);

        AssertSameLines(await SchemaDump.OfAsync(fresh), await SchemaDump.OfAsync(upgraded));
    }

    [Fact]
    public async Task A_database_older_than_the_baseline_is_refused_before_anything_runs()
    {
        await using var db = NpgsqlDataSource.Create(await TestCluster.CreateDatabaseAsync("older_than_baseline"));
        await using (var conn = await db.OpenConnectionAsync())
            await conn.ExecuteAsync("""
                create table schema_migration (version int primary key, name text not null, applied_at timestamptz not null default now());
                insert into schema_migration (version, name) values (15, 'patrol_coverage')
                """);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => MigrationRunner.ApplyAsync(db));

        Assert.Contains("version 15", error.Message);
    }

    /// <summary>Equal dumps, or a failure naming the first line that differs, with some context.</summary>
    static void AssertSameLines(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var first = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], -1);
        if (first < 0 && e.Length == a.Length) return;
        if (first < 0) first = Math.Min(e.Length, a.Length);
        string Around(string[] lines) => string.Join('\n', lines.Skip(Math.Max(0, first - 5)).Take(12));
        Assert.Fail($"the schemas differ at line {first + 1} of the dumps.\n--- built from empty:\n{Around(e)}\n--- upgraded from version 20:\n{Around(a)}");
    }
}
