namespace MapDashboard.Generator.Layout;

/// <summary>A rectangle of super cells (a block with its right and top corridors) in lattice index space.</summary>
public readonly record struct CellRect(int X, int Y, int Width, int Height)
{
    public int Area => Width * Height;

    public bool Contains(int i, int j) => i >= X && i < X + Width && j >= Y && j < Y + Height;

    public IEnumerable<(int I, int J)> Cells()
    {
        for (var j = Y; j < Y + Height; j++)
            for (var i = X; i < X + Width; i++)
                yield return (i, j);
    }
}
