using Dapper;
using MapDashboard.Data;
using MapDashboard.Data.Migrations;
using MapDashboard.TestSupport;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Npgsql;

namespace MapDashboard.IntegrationTests.Data;

/// <summary>Geometry crosses between C# and PostGIS as NetTopologySuite values (Npgsql.NetTopologySuite).</summary>
public class GeometryRoundTripTests : IAsyncLifetime
{
    static readonly WKTReader Wkt = new(new NetTopologySuite.NtsGeometryServices(new PrecisionModel(), 4326));

    NpgsqlDataSource _db = null!;

    public async Task InitializeAsync()
    {
        _db = DashboardDataSource.Create(await TestCluster.CreateDatabaseAsync("geometry"));
        await MigrationRunner.ApplyAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData("POINT (103.8312345 36.0587654)")]
    [InlineData("LINESTRING (103.80 36.05, 103.81 36.052, 103.815 36.06)")]
    [InlineData("MULTIPOLYGON (((103.80 36.05, 103.81 36.05, 103.81 36.06, 103.80 36.06, 103.80 36.05), (103.802 36.052, 103.802 36.054, 103.804 36.054, 103.804 36.052, 103.802 36.052)))")]
    public async Task A_geometry_parameter_reads_back_identical_with_its_SRID(string wkt)
    {
        await using var conn = await _db.OpenConnectionAsync();
        var original = Wkt.Read(wkt);
        original.SRID = 4326;

        var back = await conn.QuerySingleAsync<Geometry>("select @g::geometry", new { g = original });
        var seenByPostgis = await conn.QuerySingleAsync<(string Text, int Srid)>(
            "select ST_AsText(g), ST_SRID(g) from (select @g::geometry as g) x", new { g = original });

        Assert.Equal(4326, back.SRID);
        Assert.True(original.EqualsExact(back), $"{original} came back as {back}");
        Assert.Equal(4326, seenByPostgis.Srid);
        Assert.True(Wkt.Read(seenByPostgis.Text).EqualsExact(original), $"PostGIS read {seenByPostgis.Text}");
    }

    [Fact]
    public async Task A_grid_boundary_stored_as_an_NTS_parameter_is_accepted_by_the_typed_column()
    {
        await using var conn = await _db.OpenConnectionAsync();
        var boundary = (MultiPolygon)Wkt.Read("MULTIPOLYGON (((103.80 36.05, 103.81 36.05, 103.81 36.06, 103.80 36.06, 103.80 36.05)))");
        boundary.SRID = 4326;

        await conn.ExecuteAsync(
            "insert into territory_unit (code, name, kind, boundary) values ('D', '城关区', 'district', @boundary)",
            new { boundary });
        var stored = await conn.QuerySingleAsync<MultiPolygon>("select boundary from territory_unit where code = 'D'");

        Assert.Equal(4326, stored.SRID);
        Assert.True(boundary.EqualsExact(stored));
    }

    [Fact]
    public async Task A_geometry_without_an_SRID_is_refused_before_it_reaches_the_database()
    {
        await using var conn = await _db.OpenConnectionAsync();
        var point = new Point(103.8, 36.06);
        await Assert.ThrowsAsync<ArgumentException>(() => conn.ExecuteAsync("select @point::geometry", new { point }));
    }

    [Fact]
    public async Task A_geometry_read_keeps_the_SRID_PostGIS_gave_it()
    {
        await using var cmd = _db.CreateCommand("select ST_Transform('SRID=4326;POINT(103.83 36.05)'::geometry, 32648), 'SRID=4326;POINT(103.83 36.05)'::geometry");
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        var utm = reader.GetFieldValue<Point>(0);
        var wgs84 = reader.GetFieldValue<Geometry>(1);

        Assert.Equal(32648, utm.SRID);
        Assert.InRange(utm.X, 300_000, 500_000); // metres east, not degrees
        Assert.Equal(4326, wgs84.SRID);
    }

    [Fact]
    public async Task The_SRID_of_a_geometry_parameter_is_honoured()
    {
        // A point given in UTM 48N metres: PostGIS must see 32648 and transform it from there.
        var utm = new Point(390000, 3990000) { SRID = 32648 };
        await using var cmd = _db.CreateCommand("select ST_SRID(@p), ST_Transform(@p, 4326)");
        cmd.Parameters.AddWithValue("p", utm);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        var lonLat = reader.GetFieldValue<Point>(1);

        Assert.Equal(32648, reader.GetInt32(0));
        Assert.Equal(4326, lonLat.SRID);
        Assert.Equal(103.7788, lonLat.X, 4);
        Assert.InRange(lonLat.Y, 36.0, 36.1);
    }

    [Fact]
    public async Task A_geometry_parameter_in_another_SRID_is_refused_by_the_typed_column()
    {
        await using var conn = await _db.OpenConnectionAsync();
        var boundary = (MultiPolygon)Wkt.Read("MULTIPOLYGON (((390000 3990000, 391000 3990000, 391000 3991000, 390000 3991000, 390000 3990000)))");
        boundary.SRID = 32648;

        var e = await Assert.ThrowsAsync<PostgresException>(() => conn.ExecuteAsync(
            "insert into territory_unit (code, name, kind, boundary) values ('U', 'UTM', 'district', @boundary)", new { boundary }));
        Assert.Contains("SRID", e.MessageText);
    }

    [Fact]
    public async Task An_invalid_geometry_parameter_is_refused_by_the_column_check_that_names_it()
    {
        await using var conn = await _db.OpenConnectionAsync();
        var bowtie = (MultiPolygon)Wkt.Read("MULTIPOLYGON (((103.80 36.05, 103.81 36.06, 103.81 36.05, 103.80 36.06, 103.80 36.05)))");
        bowtie.SRID = 4326;

        var e = await Assert.ThrowsAsync<PostgresException>(() => conn.ExecuteAsync(
            "insert into territory_unit (code, name, kind, boundary) values ('X', 'bowtie', 'district', @bowtie)", new { bowtie }));
        Assert.Equal("territory_boundary_valid", e.ConstraintName);
    }

    [Fact]
    public async Task A_track_piece_keeps_its_measures_both_ways()
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4326, NetTopologySuite.Geometries.Implementation.PackedCoordinateSequenceFactory.DoubleFactory);
        var track = factory.CreateLineString(new NetTopologySuite.Geometries.Implementation.PackedDoubleCoordinateSequence([103.80, 36.05, 1_790_000_000, 103.81, 36.06, 1_790_000_005], 3, 1));

        await using var cmd = _db.CreateCommand("select ST_M(ST_EndPoint(@t)), ST_SRID(@t), @t");
        cmd.Parameters.AddWithValue("t", track);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        var back = reader.GetFieldValue<LineString>(2);

        Assert.Equal(1_790_000_005, reader.GetDouble(0));
        Assert.Equal(4326, reader.GetInt32(1));
        Assert.Equal(1_790_000_005, back.CoordinateSequence.GetM(1));
    }

    [Fact]
    public async Task A_track_piece_written_by_hand_as_EWKB_and_one_bound_as_NTS_are_the_same_geometry_to_PostGIS()
    {
        var vertices = Enumerable.Range(0, 50).Select(k => new MapDashboard.Domain.Patrols.TrackPing(1_790_000_000 + 5 * k, 103.80 + k * 1e-5, 36.05 + k * 2e-5)).ToArray();
        await using var cmd = _db.CreateCommand("select ST_AsEWKT(ST_GeomFromEWKB(@hand)), ST_AsEWKT(@nts)");
        cmd.Parameters.AddWithValue("hand", MapDashboard.Tools.Bench.HandWrittenEwkb.WriteLineStringM(vertices));
        cmd.Parameters.AddWithValue("nts", MapDashboard.Data.Geometry.TrackGeometry.LineStringM(vertices));
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();

        Assert.StartsWith("SRID=4326;LINESTRINGM(", reader.GetString(0));
        Assert.Equal(reader.GetString(0), reader.GetString(1));
    }
}
