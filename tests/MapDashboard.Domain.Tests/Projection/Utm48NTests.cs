using MapDashboard.Domain.Projection;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace MapDashboard.Domain.Tests.Projection;

public class Utm48NTests
{
    private static readonly WKTReader Wkt = new();

    [Fact]
    public void Lanzhou_centre_lands_where_PROJ_puts_it()
    {
        // Reference from PROJ 9.1: echo "103.8 36.06" | gdaltransform -s_srs EPSG:4326 -t_srs EPSG:32648
        var point = (Point)Utm48N.Project(Wkt.Read("POINT (103.8 36.06)"));

        Assert.Equal(391926.3896, point.X, 3);
        Assert.Equal(3991269.6014, point.Y, 3);
        Assert.Equal(Utm48N.Srid, point.SRID);
    }

    [Fact]
    public void Central_meridian_on_the_equator_is_the_false_easting()
    {
        var (x, y) = Utm48N.FromLonLat(105, 0);

        Assert.Equal(500000, x, 6);
        Assert.Equal(0, y, 6);
    }

    [Fact]
    public void Round_trip_moves_a_polygon_by_less_than_a_millimetre()
    {
        var original = Wkt.Read("POLYGON ((103.75 36.02, 103.9 36.02, 103.9 36.07, 103.75 36.07, 103.75 36.02))");

        var back = Utm48N.Unproject(Utm48N.Project(original));

        var there = Utm48N.Project(original).Coordinates;
        var again = Utm48N.Project(back).Coordinates;
        for (var i = 0; i < there.Length; i++)
            Assert.True(there[i].Distance(again[i]) < 0.001, $"vertex {i} moved {there[i].Distance(again[i])} m");
        Assert.Equal(Utm48N.Wgs84Srid, back.SRID);
    }

    [Fact]
    public void Projection_leaves_its_input_untouched()
    {
        var original = Wkt.Read("POINT (103.8 36.06)");

        Utm48N.Project(original);

        Assert.Equal(103.8, original.Coordinate.X);
    }

    [Fact]
    public void Projecting_from_many_threads_at_once_gives_the_same_answers()
    {
        // The server projects on request threads; the shared transforms must not keep per-call state.
        var inputs = Enumerable.Range(0, 20_000).Select(k => (Lon: 103.7 + k * 1e-5, Lat: 36.0 + k * 3e-6)).ToArray();
        var expected = inputs.Select(p => Utm48N.FromLonLat(p.Lon, p.Lat)).ToArray();

        var actual = new (double X, double Y)[inputs.Length];
        Parallel.For(0, inputs.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            k => actual[k] = Utm48N.FromLonLat(inputs[k].Lon, inputs[k].Lat));

        Assert.Equal(expected, actual);
    }
}
