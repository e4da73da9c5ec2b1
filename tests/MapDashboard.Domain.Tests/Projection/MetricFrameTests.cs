using MapDashboard.Domain.Patrols;
using MapDashboard.Domain.Projection;
using NetTopologySuite.IO;

namespace MapDashboard.Domain.Tests.Projection;

public class MetricFrameTests
{
    static readonly WKTReader Wkt = new();

    [Theory]
    [InlineData(101.999, 36.0, 32647)]
    [InlineData(102.0, 36.0, 32648)]
    [InlineData(107.999, 36.0, 32648)]
    [InlineData(108.0, 36.0, 32649)]
    [InlineData(116.4, 39.9, 32650)]
    [InlineData(-180.0, 10.0, 32601)]
    [InlineData(180.0, 10.0, 32660)]
    [InlineData(116.4, -0.001, 32750)]
    public void A_point_lies_in_the_UTM_zone_of_its_six_degrees(double lon, double lat, int srid)
    {
        Assert.Equal(srid, MetricSrids.UtmAt(lon, lat));
        Assert.Equal(srid, MetricFrame.AtLocation(lon, lat).Srid);
    }

    [Theory]
    [InlineData(4544, 105.0, 500000.0)]   // 3° CM 105°E, no zone number
    [InlineData(4548, 117.0, 500000.0)]
    [InlineData(4527, 117.0, 39500000.0)] // 3° zone 39: the zone number before the false easting
    [InlineData(4510, 123.0, 500000.0)]   // 6° CM 123°E
    [InlineData(4499, 123.0, 21500000.0)] // 6° zone 21
    [InlineData(32650, 117.0, 500000.0)]
    public void A_zone_central_meridian_is_its_false_easting(int srid, double meridian, double easting)
    {
        var (x, _) = MetricFrame.ForSrid(srid).FromLonLat(meridian, 39.9);
        Assert.Equal(easting, x, 3);
    }

    [Fact]
    public void Beijing_measures_alike_in_its_UTM_zone_and_its_Gauss_Kruger_zone_but_not_in_zone_48()
    {
        var street = Wkt.Read("LINESTRING (116.39 39.90, 116.41 39.90)"); // ≈ 1.7 km along a parallel
        var utm50 = MetricMeasure.LengthMetres(street, MetricFrame.ForSrid(32650));
        var gaussKruger = MetricMeasure.LengthMetres(street, MetricFrame.ForSrid(4548));
        var utm48 = MetricMeasure.LengthMetres(street, MetricFrame.ForSrid(32648));

        Assert.InRange(gaussKruger / utm50 - 1, 0, 0.0006);      // UTM's 0.9996 on its central meridian
        Assert.InRange(utm48 / gaussKruger - 1, 0.009, 0.013);  // 11.4° from zone 48's meridian
        Assert.Equal(utm50, MetricMeasure.LengthMetres(street), 9); // unframed: the zone the line lies in
    }

    [Fact]
    public void A_frame_is_made_once_per_code_and_an_unknown_code_is_refused_by_name()
    {
        Assert.Same(MetricFrame.ForSrid(4544), MetricFrame.ForSrid(4544));
        var refused = Assert.Throws<ArgumentException>(() => MetricFrame.ForSrid(3857));
        Assert.Contains("3857", refused.Message);
        Assert.False(MetricSrids.IsKnown(4490));
        Assert.True(MetricSrids.IsKnown(4554));
        Assert.False(MetricSrids.IsKnown(4555));
    }

    [Fact]
    public void A_geometry_goes_there_and_back_in_a_Gauss_Kruger_frame()
    {
        var frame = MetricFrame.ForSrid(4548);
        var original = Wkt.Read("POLYGON ((116.39 39.89, 116.41 39.89, 116.41 39.91, 116.39 39.91, 116.39 39.89))");
        var projected = frame.Project(original);
        var back = frame.Unproject(projected);

        Assert.Equal(4548, projected.SRID);
        Assert.Equal(MetricFrame.Wgs84Srid, back.SRID);
        var worst = back.Coordinates.Zip(original.Coordinates, (a, b) => Math.Max(Math.Abs(a.X - b.X), Math.Abs(a.Y - b.Y))).Max();
        Assert.InRange(worst, 0, 1e-9); // degrees: 0.1 mm
    }

    [Fact]
    public void A_speed_is_taken_in_the_frame_given()
    {
        var t0 = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
        var at = TrackPoint.FromLonLat(MetricFrame.ForSrid(32650), t0, 116.40, 39.9, 5);
        var next = TrackPoint.FromLonLat(MetricFrame.ForSrid(32650), t0.AddSeconds(10), 116.41, 39.9, 5);
        var wrong = TrackPoint.FromLonLat(MetricFrame.ForSrid(32648), t0.AddSeconds(10), 116.41, 39.9, 5);
        var wrongStart = TrackPoint.FromLonLat(MetricFrame.ForSrid(32648), t0, 116.40, 39.9, 5);

        Assert.InRange(at.MetresTo(next), 853, 855);                          // 0.01° of longitude at 39.9°N: 853.9 m
        Assert.InRange(wrongStart.MetresTo(wrong) / at.MetresTo(next) - 1, 0.009, 0.013);
    }
}
