using MapDashboard.Generator.Lattice;

namespace MapDashboard.Generator.Steps;

/// <summary>
/// A stretch of corridor between two neighbouring grids: super cells (Line, k) | (Line+1, k) when
/// <see cref="SideBySide"/>, else (k, Line) below (k, Line+1), for k in [Start, Start + Length).
/// The corridor belongs to <see cref="GridA"/>, whose super cells carry it.
/// </summary>
public sealed record BoundaryRun(bool SideBySide, int Line, int Start, int Length, int GridA, int GridB)
{
    /// <summary>The corridor cells along the run plus the crossings between them: a continuous strip.</summary>
    public IReadOnlyList<int> StripCells(DistrictLattice lattice)
    {
        var cells = new List<int>();
        var across = 2 * Line + 1;
        for (var k = Start; k < Start + Length; k++)
        {
            cells.Add(Cell(lattice, across, 2 * k));
            if (k + 1 < Start + Length) cells.Add(Cell(lattice, across, 2 * k + 1));
        }
        return cells;
    }

    /// <summary>The super cell on GridB's side at the first position of the run.</summary>
    public (int I, int J) FirstCellOfB => SideBySide ? (Line + 1, Start) : (Start, Line + 1);

    private int Cell(DistrictLattice lattice, int across, int along) =>
        SideBySide ? lattice.CellId(across, along) : lattice.CellId(along, across);
}
