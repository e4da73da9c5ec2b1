using MapDashboard.Generator.Projection;
using NetTopologySuite.Geometries;

namespace MapDashboard.Generator.Lattice;

/// <summary>
/// The shared nodes every polygon of the partition is built from. Super cell (I, J) is four fine cells:
/// the block (2I, 2J), the corridor east of it (2I+1, 2J), the corridor north of it (2I, 2J+1) and the
/// crossing (2I+1, 2J+1). Roads run in corridors, buildings stand in blocks.
/// Each node is projected and rounded once, so two polygons that share an edge share its coordinates exactly.
/// </summary>
public sealed class DistrictLattice
{
    private readonly (double X, double Y)[] _utm;
    private readonly Coordinate[] _lonLat;

    public DistrictLattice(int columns, int rows, Func<int, int, (double X, double Y)> place,
        RoadClass[] eastCorridors, RoadClass[] northCorridors)
    {
        Columns = columns;
        Rows = rows;
        EastCorridors = eastCorridors;
        NorthCorridors = northCorridors;
        _utm = new (double, double)[NodeColumns * NodeRows];
        _lonLat = new Coordinate[_utm.Length];
        for (var j = 0; j < NodeRows; j++)
            for (var i = 0; i < NodeColumns; i++)
            {
                var id = NodeId(i, j);
                _utm[id] = place(i, j);
                _lonLat[id] = RoundedWgs84.FromUtm(_utm[id]);
            }
    }

    /// <summary>Super cells west to east.</summary>
    public int Columns { get; }

    /// <summary>Super cells south to north.</summary>
    public int Rows { get; }

    /// <summary>The class of the corridor east of super column I.</summary>
    public RoadClass[] EastCorridors { get; }

    /// <summary>The class of the corridor north of super row J.</summary>
    public RoadClass[] NorthCorridors { get; }

    public int FineColumns => 2 * Columns;
    public int FineRows => 2 * Rows;
    public int NodeColumns => FineColumns + 1;
    public int NodeRows => FineRows + 1;

    public int NodeId(int i, int j) => i + j * NodeColumns;

    public int CellId(int i, int j) => i + j * FineColumns;

    public (int I, int J) CellOf(int cellId) => (cellId % FineColumns, cellId / FineColumns);

    public (double X, double Y) Utm(int i, int j) => _utm[NodeId(i, j)];

    public (double X, double Y) UtmOfNode(int nodeId) => _utm[nodeId];

    public Coordinate LonLatOfNode(int nodeId) => _lonLat[nodeId];

    public (int I, int J) NodeOf(int nodeId) => (nodeId % NodeColumns, nodeId / NodeColumns);

    /// <summary>A point at fractional lattice coordinates, interpolated bilinearly between the four nodes around it.</summary>
    public (double X, double Y) UtmAt(double fi, double fj)
    {
        var i = Math.Clamp((int)Math.Floor(fi), 0, NodeColumns - 2);
        var j = Math.Clamp((int)Math.Floor(fj), 0, NodeRows - 2);
        double u = fi - i, v = fj - j;
        var (x00, y00) = Utm(i, j);
        var (x10, y10) = Utm(i + 1, j);
        var (x01, y01) = Utm(i, j + 1);
        var (x11, y11) = Utm(i + 1, j + 1);
        return (
            (1 - u) * (1 - v) * x00 + u * (1 - v) * x10 + (1 - u) * v * x01 + u * v * x11,
            (1 - u) * (1 - v) * y00 + u * (1 - v) * y10 + (1 - u) * v * y01 + u * v * y11);
    }

    /// <summary>The four corners of a fine cell in UTM, counter-clockwise from the south-west.</summary>
    public (double X, double Y)[] CellCorners(int i, int j) =>
        [Utm(i, j), Utm(i + 1, j), Utm(i + 1, j + 1), Utm(i, j + 1)];

    /// <summary>The fine cells of super cell (I, J).</summary>
    public IEnumerable<int> FineCellsOf(int superI, int superJ)
    {
        yield return CellId(2 * superI, 2 * superJ);
        yield return CellId(2 * superI + 1, 2 * superJ);
        yield return CellId(2 * superI, 2 * superJ + 1);
        yield return CellId(2 * superI + 1, 2 * superJ + 1);
    }
}
