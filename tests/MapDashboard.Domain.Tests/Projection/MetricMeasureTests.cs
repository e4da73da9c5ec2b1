using MapDashboard.Domain.Projection;
using NetTopologySuite.IO;

namespace MapDashboard.Domain.Tests.Projection;

public class MetricMeasureTests
{
    private static readonly WKTReader Wkt = new();

    [Fact]
    public void A_100_metre_square_measures_ten_thousand_square_metres()
    {
        var square = Utm48N.Unproject(Wkt.Read(
            "POLYGON ((391900 3991200, 392000 3991200, 392000 3991300, 391900 3991300, 391900 3991200))"));

        var area = MetricMeasure.AreaSquareMetres(square);

        Assert.InRange(area, 9990, 10010);
    }

    [Fact]
    public void A_line_a_kilometre_long_measures_a_kilometre()
    {
        var line = Utm48N.Unproject(Wkt.Read("LINESTRING (391000 3991000, 391600 3991800)"));

        Assert.InRange(MetricMeasure.LengthMetres(line), 999.999, 1000.001);
    }

    [Fact]
    public void A_degree_sized_area_is_not_mistaken_for_metres()
    {
        // 0.01° × 0.01° near Lanzhou is about 900 m × 1,111 m; a planar area in degrees would say 0.0001.
        var cell = Wkt.Read("POLYGON ((103.8 36.05, 103.81 36.05, 103.81 36.06, 103.8 36.06, 103.8 36.05))");

        Assert.InRange(MetricMeasure.AreaSquareMetres(cell), 0.99e6, 1.01e6);
    }
}
