namespace MapDashboard.Generator.Layout;

/// <summary>The knobs one <see cref="DistrictSize"/> sets: the lattice, the hierarchy and how much planted trouble.</summary>
public sealed record SizeProfile
{
    public required DistrictSize Size { get; init; }

    /// <summary>Super cells (block plus its corridors) across the district, west to east.</summary>
    public required int SuperColumns { get; init; }

    /// <summary>Super cells south to north.</summary>
    public required int SuperRows { get; init; }

    public required IReadOnlyList<StreetSpec> Streets { get; init; }
    public required bool MicroGrids { get; init; }
    public required int Hazards { get; init; }
    public required int Gaps { get; init; }
    public required int Overlaps { get; init; }
    public required int Straddlers { get; init; }

    /// <summary>At least this many buildings stand in compounds with no recorded owner.</summary>
    public required int OwnerlessBuildings { get; init; }

    /// <summary>At least this many buildings stand in compounds with no property manager (无物业小区).</summary>
    public required int UnmanagedBuildings { get; init; }

    /// <summary>Buildings both the railway and the state property company claim.</summary>
    public required int DisputedBuildings { get; init; }

    /// <summary>Planted hazards with no owner on top of those that inherit an ownerless building.</summary>
    public required int OwnerlessHazards { get; init; }

    /// <summary>Police grids are tiles of this many super cells, offset from the community grids.</summary>
    public required (int Columns, int Rows) PoliceTile { get; init; }

    /// <summary>Block side length range in metres; smaller blocks mean more of them per km².</summary>
    public required (double Min, double Max) BlockSize { get; init; }

    public static SizeProfile For(DistrictSize size) => size switch
    {
        DistrictSize.Demo => DemoProfile.Create(),
        DistrictSize.City => CityProfile.Create(),
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "unknown district size"),
    };
}
