using MapDashboard.Data;
using MapDashboard.TestSupport;
using MapDashboard.Tools.Bench;

namespace MapDashboard.IntegrationTests.Tiles;

/// <summary>bench tiles compares the endpoint's tiles with the bare query's by what they say, not by their bytes.</summary>
public class MvtContentTests
{
    const string Tile = """
        select ST_AsMVT(f, 'points', 4096, 'geom', 'id') from (
            select i as id, 'P' || i as code, i % 3 = 0 as flagged,
                   ST_AsMVTGeom(ST_MakePoint(i * 100, i * 50), ST_MakeEnvelope(0, 0, 4096, 4096)) as geom
            from generate_series(1, 40) i
            where i <> @skip
            order by {0}) f
        """;

    [Fact]
    public async Task Two_tiles_with_the_same_features_in_another_order_say_the_same_and_a_changed_feature_does_not()
    {
        await using var db = DashboardDataSource.Create(await TestCluster.CreateDatabaseAsync("mvt_content"));
        await using (var conn = await db.OpenConnectionAsync())
        await using (var postgis = new Npgsql.NpgsqlCommand("create extension if not exists postgis", conn))
            await postgis.ExecuteNonQueryAsync();

        var ascending = await TileAsync(db, "i", skip: 0);
        var descending = await TileAsync(db, "i % 7, i desc", skip: 0);
        var oneMissing = await TileAsync(db, "i", skip: 17);

        Assert.False(ascending.AsSpan().SequenceEqual(descending), "the two orders should write different bytes");
        Assert.Equal(MvtContent.Describe(ascending), MvtContent.Describe(descending));
        Assert.NotEqual(MvtContent.Describe(ascending), MvtContent.Describe(oneMissing));
        Assert.Contains("17|1|", MvtContent.Describe(ascending));
    }

    static async Task<byte[]> TileAsync(Npgsql.NpgsqlDataSource db, string order, int skip)
    {
        await using var cmd = db.CreateCommand(string.Format(Tile, order));
        cmd.Parameters.AddWithValue("skip", skip);
        return (byte[])(await cmd.ExecuteScalarAsync())!;
    }
}
