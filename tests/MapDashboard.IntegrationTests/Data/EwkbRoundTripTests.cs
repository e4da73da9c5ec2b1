using Dapper;
using MapDashboard.Data.Geometry;
using MapDashboard.Data.Migrations;
using MapDashboard.TestSupport;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Npgsql;

namespace MapDashboard.IntegrationTests.Data;

public class EwkbRoundTripTests
{
    static readonly WKTReader Wkt = new(new NetTopologySuite.NtsGeometryServices(new PrecisionModel(), 4326));

    [Theory]
    [InlineData("POINT (103.8312345 36.0587654)")]
    [InlineData("LINESTRING (103.80 36.05, 103.81 36.052, 103.815 36.06)")]
    [InlineData("MULTIPOLYGON (((103.80 36.05, 103.81 36.05, 103.81 36.06, 103.80 36.06, 103.80 36.05), (103.802 36.052, 103.802 36.054, 103.804 36.054, 103.804 36.052, 103.802 36.052)))")]
    public async Task A_geometry_written_as_EWKB_reads_back_identical_with_its_SRID(string wkt)
    {
        EwkbTypeHandlers.Register();
        await using var db = NpgsqlDataSource.Create(await TestCluster.CreateDatabaseAsync("ewkb"));
        await MigrationRunner.ApplyAsync(db);
        await using var conn = await db.OpenConnectionAsync();
        var original = Wkt.Read(wkt);
        original.SRID = 4326;

        var back = await conn.QuerySingleAsync<Geometry>(
            "select ST_AsEWKB(ST_GeomFromEWKB(@g))", new { g = original });
        var seenByPostgis = await conn.QuerySingleAsync<(string Text, int Srid)>(
            "select ST_AsText(g), ST_SRID(g) from (select ST_GeomFromEWKB(@g) as g) x", new { g = original });

        Assert.Equal(4326, back.SRID);
        Assert.True(original.EqualsExact(back), $"{original} came back as {back}");
        Assert.Equal(4326, seenByPostgis.Srid);
        Assert.True(Wkt.Read(seenByPostgis.Text).EqualsExact(original), $"PostGIS read {seenByPostgis.Text}");
    }

    [Fact]
    public async Task A_grid_boundary_stored_through_EWKB_is_accepted_by_the_typed_column()
    {
        EwkbTypeHandlers.Register();
        await using var db = NpgsqlDataSource.Create(await TestCluster.CreateDatabaseAsync("ewkb_column"));
        await MigrationRunner.ApplyAsync(db);
        await using var conn = await db.OpenConnectionAsync();
        var boundary = (MultiPolygon)Wkt.Read("MULTIPOLYGON (((103.80 36.05, 103.81 36.05, 103.81 36.06, 103.80 36.06, 103.80 36.05)))");
        boundary.SRID = 4326;

        await conn.ExecuteAsync(
            "insert into territory_unit (code, name, kind, boundary) values ('D', '城关区', 'district', ST_GeomFromEWKB(@boundary))",
            new { boundary });
        var stored = await conn.QuerySingleAsync<MultiPolygon>("select ST_AsEWKB(boundary) from territory_unit where code = 'D'");

        Assert.True(boundary.EqualsExact(stored));
    }

    [Fact]
    public void A_geometry_without_an_SRID_is_refused_before_it_reaches_the_database()
    {
        var point = new Point(103.8, 36.06);
        Assert.Throws<ArgumentException>(() => Ewkb.Write(point));
    }
}
