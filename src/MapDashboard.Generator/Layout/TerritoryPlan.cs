namespace MapDashboard.Generator.Layout;

/// <summary>
/// The hierarchy laid out on the super-cell array, before any coordinates exist: which street, community and grid
/// every super cell belongs to. Geometry comes later from the lattice, so every boundary follows lattice lines.
/// </summary>
public sealed class TerritoryPlan(int columns, int rows)
{
    public int Columns { get; } = columns;
    public int Rows { get; } = rows;
    public List<PlannedStreet> Streets { get; } = [];
    public List<PlannedCommunity> Communities { get; } = [];
    public List<PlannedGrid> Grids { get; } = [];
    public List<PlannedMicroGrid> MicroGrids { get; } = [];

    public int[,] StreetAt { get; } = new int[columns, rows];
    public int[,] CommunityAt { get; } = new int[columns, rows];
    public int[,] GridAt { get; } = new int[columns, rows];
    public int[,] MicroGridAt { get; } = Filled(columns, rows, -1);

    private static int[,] Filled(int columns, int rows, int value)
    {
        var array = new int[columns, rows];
        for (var i = 0; i < columns; i++)
            for (var j = 0; j < rows; j++)
                array[i, j] = value;
        return array;
    }
}

public sealed record PlannedStreet(int Index, string Code, string Name, CellRect Rect);

public sealed record PlannedCommunity(int Index, string Code, string Name, int Street, CellRect Rect, CommunitySpec Spec);

public sealed record PlannedGrid(int Index, string Code, string Name, string Kind, int Community, CellRect Rect, DedicatedPurpose? Purpose, string? InstitutionName)
{
    public List<int> MicroGrids { get; } = [];
}

public sealed record PlannedMicroGrid(int Index, string Code, string Name, int Grid, CellRect Rect);
