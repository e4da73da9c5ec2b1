using MapDashboard.Generator.Layout;

namespace MapDashboard.Generator.Tests.Layout;

public class RectanglePartitionerTests
{
    [Fact]
    public void Pieces_tile_the_rectangle_without_gaps_or_overlaps()
    {
        var rect = new CellRect(2, 3, 12, 16);

        var pieces = RectanglePartitioner.Split(rect, [36, 36, 120]);

        var cells = pieces.SelectMany(p => p.Cells()).ToList();
        Assert.Equal(rect.Area, cells.Count);
        Assert.Equal(rect.Area, cells.Distinct().Count());
        Assert.All(cells, c => Assert.True(rect.Contains(c.I, c.J)));
    }

    [Fact]
    public void Piece_areas_follow_the_weights()
    {
        var pieces = RectanglePartitioner.Split(new CellRect(0, 0, 12, 16), [36, 36, 120]);

        Assert.Equal([36, 36, 120], pieces.Select(p => p.Area));
    }

    [Fact]
    public void Every_piece_keeps_the_minimum_area_when_there_is_room()
    {
        var pieces = RectanglePartitioner.Split(new CellRect(0, 0, 6, 6), Enumerable.Repeat(1.0, 9).Prepend(8).ToList(), minArea: 2);

        Assert.All(pieces, p => Assert.True(p.Area >= 2, $"{p} is smaller than 2 cells"));
        Assert.Equal(36, pieces.Sum(p => p.Area));
    }
}
