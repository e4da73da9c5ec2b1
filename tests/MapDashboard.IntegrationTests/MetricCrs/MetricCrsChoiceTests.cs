using Dapper;
using MapDashboard.Data;
using MapDashboard.Data.MetricCrs;
using MapDashboard.Data.Migrations;
using MapDashboard.Domain.Projection;
using MapDashboard.TestSupport;
using Npgsql;

namespace MapDashboard.IntegrationTests.MetricCrs;

/// <summary>
/// Which frame: the database's zone rule and the C# one agree, C#'s frames place points where PostGIS does, a frame
/// that is no measure is refused, and a statement planned before a change of frame measures in the new one.
/// </summary>
public class MetricCrsChoiceTests : IAsyncLifetime
{
    NpgsqlDataSource _db = null!;

    public async Task InitializeAsync()
    {
        _db = DashboardDataSource.Create(await TestCluster.CreateDatabaseAsync("metric-crs"));
        await MigrationRunner.ApplyAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData(101.999, 36.0, 32647)]
    [InlineData(102.0, 36.0, 32648)]   // a zone's west edge opens it
    [InlineData(107.999, 36.0, 32648)]
    [InlineData(108.0, 36.0, 32649)]
    [InlineData(116.4, 39.9, 32650)]   // Beijing
    [InlineData(121.47, 31.23, 32651)] // Shanghai
    [InlineData(87.6, 43.8, 32645)]    // Ürümqi
    [InlineData(-180.0, 10.0, 32601)]
    [InlineData(180.0, 10.0, 32660)]   // the antimeridian stays in zone 60
    [InlineData(116.4, -0.001, 32750)] // south of the equator
    public async Task The_UTM_zone_of_a_point_is_the_same_in_the_database_and_in_CSharp(double lon, double lat, int srid)
    {
        await using var conn = await _db.OpenConnectionAsync();
        Assert.Equal(srid, await conn.QuerySingleAsync<int>("select metric_crs_utm_srid(@lon, @lat)", new { lon, lat }));
        Assert.Equal(srid, MetricSrids.UtmAt(lon, lat));
    }

    [Theory]
    [InlineData(32648, 103.83, 36.05)]
    [InlineData(32650, 116.4, 39.9)]
    [InlineData(32750, 116.4, -31.9)]
    [InlineData(4544, 103.83, 36.05)]  // CGCS2000 3° Gauss-Krüger, central meridian 105°E
    [InlineData(4548, 116.4, 39.9)]    // … 117°E
    [InlineData(4527, 116.4, 39.9)]    // 3° zone 39 (117°E), zone number before the false easting
    [InlineData(4510, 123.4, 41.8)]    // 6° Gauss-Krüger, central meridian 123°E
    [InlineData(4499, 123.4, 41.8)]    // 6° zone 21 (123°E), zone number before the false easting
    public async Task A_CSharp_frame_places_a_point_where_PostGIS_does(int srid, double lon, double lat)
    {
        await using var conn = await _db.OpenConnectionAsync();
        var (px, py) = await conn.QuerySingleAsync<(double, double)>(
            "select ST_X(p), ST_Y(p) from ST_Transform(ST_SetSRID(ST_MakePoint(@lon, @lat), 4326), @srid) p", new { lon, lat, srid });
        var frame = MetricFrame.ForSrid(srid);
        var (x, y) = frame.FromLonLat(lon, lat);
        Assert.InRange(Math.Abs(x - px), 0, 0.01);
        Assert.InRange(Math.Abs(y - py), 0, 0.01);
        var (backLon, backLat) = frame.ToLonLat(x, y);
        Assert.InRange(Math.Abs(backLon - lon) + Math.Abs(backLat - lat), 0, 1e-8);
    }

    [Theory]
    [InlineData(3857)]  // Web Mercator: metres that are 1.3 true metres at 40°N
    [InlineData(4326)]  // degrees
    [InlineData(4490)]  // CGCS2000 geographic: degrees
    [InlineData(999999)]
    public async Task A_frame_that_is_no_measure_is_refused_and_nothing_changes(int srid)
    {
        await using var conn = await _db.OpenConnectionAsync();
        var before = await conn.QuerySingleAsync<int>("select metric_srid()");
        var refused = await Assert.ThrowsAsync<PostgresException>(() => MetricCrsSetting.ConfigureAsync(conn, srid));
        Assert.Equal("22023", refused.SqlState);
        Assert.Contains(srid.ToString(System.Globalization.CultureInfo.InvariantCulture), refused.MessageText);
        Assert.Equal(before, await conn.QuerySingleAsync<int>("select metric_srid()"));
        Assert.False(MetricSrids.IsKnown(srid));
    }

    [Fact]
    public async Task A_statement_prepared_before_a_change_of_frame_measures_in_the_new_one()
    {
        await using var reader = await _db.OpenConnectionAsync();
        await using var measure = new NpgsqlCommand(
            "select ST_SRID(finding_metric('SRID=4326;POINT(116.4 39.9)'::geometry)), ST_SRID(patrol_cover_of('SRID=4326;LINESTRING(116.4 39.9, 116.401 39.9)'::geometry, 30)::geometry)", reader);
        await measure.PrepareAsync();
        await using var writer = await _db.OpenConnectionAsync();
        try
        {
            await MetricCrsSetting.ConfigureAsync(writer, 32650);
            Assert.Equal(32650, await FrameOf(measure));
            await MetricCrsSetting.ConfigureAsync(writer, 4548);
            Assert.Equal(4548, await FrameOf(measure));
        }
        finally
        {
            await MetricCrsSetting.ConfigureAsync(writer, null);
        }
        Assert.Equal(4548, await FrameOf(measure)); // no district here to decide: unconfigured, the frame stays as it was
    }

    static async Task<int> FrameOf(NpgsqlCommand measure)
    {
        await using var r = await measure.ExecuteReaderAsync();
        await r.ReadAsync();
        Assert.Equal(4326, r.GetInt32(1)); // covers come back in 4326 whatever the frame
        return r.GetInt32(0);
    }
}
