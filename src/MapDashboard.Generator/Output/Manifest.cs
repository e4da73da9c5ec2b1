using MapDashboard.Generator.Model;

namespace MapDashboard.Generator.Output;

/// <summary>manifest.json: what was generated, from which seed, and the trouble planted on purpose (data/README.md).</summary>
public sealed record Manifest(int Seed, string Size, IReadOnlyDictionary<string, int> Counts, double[] Center, Deliberate Deliberate)
{
    public static Manifest Of(GeneratedDistrict district) => new(
        district.Seed,
        district.Size.ToString().ToLowerInvariant(),
        new SortedDictionary<string, int>(StringComparer.Ordinal)
        {
            ["categories"] = district.Categories.Count,
            ["organisations"] = district.Organisations.Count,
            ["territory"] = district.Territory.Count,
            ["people"] = district.People.Count,
            ["buildings"] = district.Buildings.Count,
            ["hazards"] = district.Hazards.Count,
            ["claims"] = district.Claims.Count,
            ["roads"] = district.Roads.Count,
            ["water"] = district.Water.Count,
        },
        district.Center,
        district.Deliberate);
}
