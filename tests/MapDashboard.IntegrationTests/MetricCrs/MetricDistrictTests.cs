using System.Text.Json;
using Dapper;
using MapDashboard.Data;
using MapDashboard.Data.Coverage;
using MapDashboard.Data.MetricCrs;
using MapDashboard.Domain.Projection;
using static MapDashboard.IntegrationTests.Coverage.CoverageJson;

namespace MapDashboard.IntegrationTests.MetricCrs;

/// <summary>
/// Coverage, walked and drafted lengths and findings measured in the frame the district decided agree with the
/// geodesic truth (PostGIS geography) to within 0.5 %, wherever the district lies: the same tests around Beijing
/// (UTM 50N) and around Lanzhou (UTM 48N, the demo's zone).
/// </summary>
public abstract class MetricDistrictTests<TDistrict>(TDistrict district, int expectedSrid) : IClassFixture<TDistrict>
    where TDistrict : MetricDistrict
{
    const double Tolerance = 0.005;
    readonly HttpClient _http = district.Host.CreateRealClient();

    protected TDistrict District => district;

    /// <summary>One row read with SQL, its columns as a tuple.</summary>
    protected async Task<T> Row<T>(string sql, object? parameters = null)
    {
        await using var conn = await district.Db.OpenConnectionAsync();
        return await conn.QuerySingleAsync<T>(sql, parameters);
    }

    [Fact]
    public async Task The_district_decides_its_UTM_zone_and_the_visit_points_are_kept_in_it()
    {
        Assert.Equal(expectedSrid, district.DecidedSrid);
        Assert.Equal(expectedSrid, await district.Host.ScalarAsync<int>("select metric_srid()"));
        Assert.Equal("district", await district.Host.ScalarAsync<string>("select chosen_by from metric_crs_setting"));
        Assert.Equal(expectedSrid, await district.Host.ScalarAsync<int>("select ST_SRID(visit_point_metric) from building where code = 'B'"));
        Assert.True(await district.Host.ScalarAsync<bool>(
            "select ST_Distance(visit_point_metric, ST_Transform(visit_point, metric_srid())) < 1e-6 from building where code = 'B'"));
    }

    [Fact]
    public async Task A_walked_track_is_as_long_as_on_the_ellipsoid()
    {
        var walked = await district.Host.ScalarAsync<double>("select sum(metres) from patrol_track");
        var geodesic = await district.Host.ScalarAsync<double>("select sum(ST_Length(path::geography)) from patrol_track");
        Near(geodesic, walked, Tolerance);
        Near(MetricDistrict.WalkMetres, geodesic, Tolerance); // drawn 400 m in its own UTM zone
        var coverage = await GetAsync(_http, "api/grids/G/coverage?window=today");
        Near(geodesic, Find(coverage.GetProperty("workers"), "W").GetProperty("metres").GetDouble(), Tolerance);
    }

    [Fact]
    public async Task The_covered_land_is_the_radius_on_the_ellipsoid_and_its_share_the_geodesic_share()
    {
        var coverage = await GetAsync(_http, "api/grids/G/coverage?window=today");
        var covered = coverage.GetProperty("covered").GetRawText();
        var (coveredM2, gridM2, walkM) = await Row<(double, double, double)>("""
            select ST_Area(ST_SetSRID(ST_GeomFromGeoJSON(@covered), 4326)::geography),
                   (select ST_Area(boundary::geography) from territory_unit where code = 'G'),
                   (select sum(ST_Length(path::geography)) from patrol_track)
            """, new { covered });
        // A straight walk's cover: a strip of twice the radius along it and a disc (its two round ends); GEOS's
        // buffer draws the disc as a 32-gon, 0.6 % short of π r², 0.07 % of the whole.
        Near(2 * MetricDistrict.Radius * walkM + Math.PI * MetricDistrict.Radius * MetricDistrict.Radius, coveredM2, Tolerance);
        Near(coveredM2 / gridM2, coverage.GetProperty("areaShare").GetDouble(), Tolerance);
    }

    [Fact]
    public async Task A_drafted_route_is_as_long_as_on_the_ellipsoid()
    {
        var path = new { type = "LineString", coordinates = new[] { await district.LonLat(50, 100), await district.LonLat(750, 500) } };
        var analysis = await PostAsync(_http, "api/routes/analysis", new { path, grid = "G" });
        var geodesic = await district.Host.ScalarAsync<double>(
            "select ST_Length(ST_SetSRID(ST_GeomFromGeoJSON(@p), 4326)::geography)", ("p", JsonSerializer.Serialize(path)));
        Near(geodesic, analysis.GetProperty("metres").GetDouble(), Tolerance);
    }

    [Fact]
    public async Task A_gap_found_is_as_large_as_on_the_ellipsoid()
    {
        var (found, geodesic) = await Row<(double, double)>(
            "select area_m2, ST_Area(geom::geography) from finding where kind = 'gap'");
        Near(geodesic, found, Tolerance);
        Near(200 * 600, geodesic, Tolerance);
    }

    [Fact]
    public async Task A_configured_Gauss_Kruger_zone_measures_alike_and_leaving_it_returns_to_the_district()
    {
        var gaussKruger = 4534 + (int)Math.Round((Math.Round(district.Lon / 3) * 3 - 75) / 3); // 3° zone, central meridian nearest
        await using var conn = await district.Db.OpenConnectionAsync();
        try
        {
            Assert.Equal(gaussKruger, await MetricCrsSetting.ConfigureAsync(conn, gaussKruger));
            Assert.Equal(gaussKruger, await district.Host.ScalarAsync<int>("select ST_SRID(visit_point_metric) from building where code = 'B'"));
            await CoverageRefresher.DrainAsync(district.Db);
            var walked = await district.Host.ScalarAsync<double>("select sum(metres) from patrol_track");
            var geodesic = await district.Host.ScalarAsync<double>("select sum(ST_Length(path::geography)) from patrol_track");
            Near(geodesic, walked, Tolerance);
            // The C# frame of the same code places a point where PostGIS does (the ping speed check measures in it).
            var (x, y) = MetricFrame.ForSrid(gaussKruger).FromLonLat(district.Lon, district.Lat);
            var (px, py) = await Row<(double, double)>(
                "select ST_X(p), ST_Y(p) from ST_Transform(ST_SetSRID(ST_MakePoint(@lon, @lat), 4326), metric_srid()) p",
                new { lon = district.Lon, lat = district.Lat });
            Assert.InRange(Math.Abs(x - px) + Math.Abs(y - py), 0, 0.01);
        }
        finally
        {
            Assert.Equal(expectedSrid, await MetricCrsSetting.ConfigureAsync(conn, null));
            await CoverageRefresher.DrainAsync(district.Db);
        }
        Assert.Equal("district", await district.Host.ScalarAsync<string>("select chosen_by from metric_crs_setting"));
        Assert.Equal(expectedSrid, await district.Host.ScalarAsync<int>("select ST_SRID(visit_point_metric) from building where code = 'B'"));
    }
}

public sealed class BeijingMetricTests(BeijingDistrict district) : MetricDistrictTests<BeijingDistrict>(district, 32650)
{
    /// <summary>The same district measured in UTM 48N (what the hard-coded frame did) is off by more than the tolerance.</summary>
    [Fact]
    public async Task Measured_in_zone_48_the_district_is_wrong_by_more_than_the_tolerance()
    {
        await using var conn = await District.Db.OpenConnectionAsync();
        try
        {
            await MetricCrsSetting.ConfigureAsync(conn, 32648);
            await CoverageRefresher.DrainAsync(District.Db);
            var (walked, geodesicLength) = await Row<(double, double)>(
                "select sum(metres), sum(ST_Length(path::geography)) from patrol_track");
            var (gap, geodesicArea) = await Row<(double, double)>(
                "select area_m2, ST_Area(geom::geography) from finding where kind = 'gap'");
            Assert.InRange(walked / geodesicLength - 1, 0.008, 0.015);  // scale 1.011 at 11.4° from zone 48's meridian
            Assert.InRange(gap / geodesicArea - 1, 0.017, 0.03);        // its square
        }
        finally
        {
            await MetricCrsSetting.ConfigureAsync(conn, null);
            await CoverageRefresher.DrainAsync(District.Db);
        }
    }
}

public sealed class LanzhouMetricTests(LanzhouDistrict district) : MetricDistrictTests<LanzhouDistrict>(district, 32648);
