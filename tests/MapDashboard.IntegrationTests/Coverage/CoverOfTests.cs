using MapDashboard.Data;

namespace MapDashboard.IntegrationTests.Coverage;

/// <summary>
/// patrol_cover_of buffers a long line in pieces and unions them (Schema/40_coverage_measures.sql): the land must be the one
/// buffer of the whole simplified line would give. A walk that crosses itself over and over is the case the
/// pieces are for.
/// </summary>
[Collection(CoverageCollection.Name)]
public class CoverOfTests(CoverageDistrict district)
{
    [Fact]
    public async Task A_walk_back_and_forth_over_itself_covers_what_one_buffer_of_it_covers()
    {
        await using var conn = await district.Db.OpenConnectionAsync();
        // 120 diagonal legs across a 300 m wide strip, each crossing the ones before it: 121 vertices, 8 pieces.
        const string walk = """
            (select ST_Transform(ST_SetSRID(ST_MakeLine(array_agg(ST_MakePoint(390000 + (i % 2) * 300, 3990000 + (i / 2) * 5) order by i)), 32648), 4326)
             from generate_series(0, 120) i)
            """;
        var pieces = await conn.ScalarAsync<double>($"select ST_Area(ST_Transform(patrol_cover_of({walk}, 30), 32648))");
        var whole = await conn.ScalarAsync<double>($"select ST_Area(ST_Buffer(ST_Simplify(ST_Transform({walk}, 32648), 3), 30))");
        var apart = await conn.ScalarAsync<double>($"""
            select ST_HausdorffDistance(ST_Transform(patrol_cover_of({walk}, 30), 32648), ST_Buffer(ST_Simplify(ST_Transform({walk}, 32648), 3), 30))
            """);
        Assert.InRange(Math.Abs(pieces - whole) / whole, 0, 1e-4);
        Assert.InRange(apart, 0, 0.5);
    }

    [Fact]
    public async Task A_line_shorter_than_the_simplification_tolerance_still_covers_its_disc()
    {
        await using var conn = await district.Db.OpenConnectionAsync();
        // Two pings a metre apart, closer than the 3 m tolerance: one piece, a MultiPolygon (the short capsule).
        var type = await conn.ScalarAsync<string>("""
            select ST_GeometryType(patrol_cover_of(ST_Transform(ST_SetSRID('LINESTRING(390100 3990100, 390101 3990100)'::geometry, 32648), 4326), 30))
            """);
        Assert.Equal("ST_MultiPolygon", type);
    }
}
