using MapDashboard.Generator.Model;

namespace MapDashboard.Generator;

/// <summary>Everything the generator produced, in memory, in output order; EPSG:4326 geometries rounded to 7 decimals.</summary>
public sealed class GeneratedDistrict
{
    public required int Seed { get; init; }
    public required DistrictSize Size { get; init; }

    /// <summary>[lon, lat] of the district centroid.</summary>
    public required double[] Center { get; init; }

    public required IReadOnlyList<Category> Categories { get; init; }
    public required IReadOnlyList<Organisation> Organisations { get; init; }
    public required IReadOnlyList<TerritoryUnit> Territory { get; init; }
    public required IReadOnlyList<Person> People { get; init; }
    public required IReadOnlyList<Building> Buildings { get; init; }
    public required IReadOnlyList<Hazard> Hazards { get; init; }
    public required IReadOnlyList<OwnershipClaim> Claims { get; init; }
    public required IReadOnlyList<Road> Roads { get; init; }
    public required IReadOnlyList<WaterBody> Water { get; init; }
    public required Deliberate Deliberate { get; init; }
}
