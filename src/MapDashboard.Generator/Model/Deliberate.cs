namespace MapDashboard.Generator.Model;

/// <summary>The trouble planted on purpose, as manifest.json lists it (data/README.md).</summary>
public sealed class Deliberate
{
    public List<PlantedGap> Gaps { get; } = [];
    public List<PlantedOverlap> Overlaps { get; } = [];
    public List<string> StraddlingBuildings { get; } = [];
    public List<string> OwnerlessBuildings { get; } = [];
    public List<string> UnmanagedBuildings { get; } = [];
    public List<string> OwnerlessHazards { get; } = [];
    public List<Dispute> Disputed { get; } = [];
    public List<PoliceMismatch> PoliceMismatch { get; } = [];
}

/// <summary>Land inside <see cref="ParentCode"/> that none of its children of one kind covers.</summary>
public sealed record PlantedGap(string ParentCode, IReadOnlyList<string> NearCodes, double AreaM2, double[] Centroid);

/// <summary>Land two neighbouring units of the same kind both claim.</summary>
public sealed record PlantedOverlap(IReadOnlyList<string> Codes, double AreaM2, double[] Centroid);

/// <summary>An asset with more than one ownership claim.</summary>
public sealed record Dispute(string AssetKind, string AssetCode, IReadOnlyList<string> OrganisationCodes);

/// <summary>A police grid whose land lies in more than one community.</summary>
public sealed record PoliceMismatch(string PoliceCode, IReadOnlyList<string> CommunityCodes);
