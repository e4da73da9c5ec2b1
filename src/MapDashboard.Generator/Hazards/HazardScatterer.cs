using MapDashboard.Generator.Lattice;
using MapDashboard.Generator.Layout;
using MapDashboard.Generator.Model;
using MapDashboard.Generator.Naming;
using MapDashboard.Generator.Organisations;
using MapDashboard.Generator.Projection;

namespace MapDashboard.Generator.Hazards;

/// <summary>
/// Scatters hazard points: building hazards at the building's door, street hazards along a corridor. Every rule
/// comes up at least once; owners follow the rule, and a planted few (plus the disputed market-exit wall) have none.
/// </summary>
public static class HazardScatterer
{
    private static readonly string[] Severities = ["low", "medium", "high", "critical"];
    private static readonly double[] SeverityWeights = [0.35, 0.35, 0.22, 0.08];
    private static readonly string[] Statuses = ["open", "mitigating", "resolved"];
    // A working district's register (隐患台账): most hazards found have been dealt with, some are being fixed, a few are
    // open. With 85 % unresolved (0.6 open, 0.25 mitigating) the average grid held four, and GridStatusRule's "three
    // open hazards" made two grids in three yellow: the wall had nothing to point at.
    private static readonly double[] StatusWeights = [0.1, 0.15, 0.75];

    public static List<Hazard> Scatter(SizeProfile profile, DistrictLattice lattice, IReadOnlyList<Building> buildings,
        OrganisationCatalog orgs, List<OwnershipClaim> claims, Deliberate deliberate, Random rng)
    {
        var hazards = new List<Hazard> { DisputedWall(lattice, buildings, orgs, claims, deliberate) };
        var rules = HazardRule.All;
        var totalWeight = rules.Sum(r => r.Weight);
        while (hazards.Count < profile.Hazards)
        {
            // The first pass takes each rule once, so every category is on the map however small the district.
            var rule = hazards.Count <= rules.Count ? rules[hazards.Count - 1] : Weighted(rules, r => r.Weight, totalWeight, rng);
            hazards.Add(rule.AtBuilding ? AtBuilding(hazards.Count, rule, buildings, orgs, rng) : InStreet(hazards.Count, rule, lattice, orgs, rng));
        }

        foreach (var hazard in rng.Shuffled(hazards.Where(h => h.OwnerCode is not null)).Take(profile.OwnerlessHazards))
            hazard.OwnerCode = null;
        deliberate.OwnerlessHazards.AddRange(hazards.Where(h => h.OwnerCode is null).Select(h => h.Code));
        return hazards;
    }

    private static Hazard AtBuilding(int index, HazardRule rule, IReadOnlyList<Building> buildings, OrganisationCatalog orgs, Random rng)
    {
        var building = rng.Pick(buildings);
        var door = building.Entrance.Coordinate;
        // A metre or two off the door, so several hazards at one building do not sit on one pixel.
        var location = RoundedWgs84.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(
            Math.Round(door.X + (rng.NextDouble() - 0.5) * 3e-5, RoundedWgs84.Decimals),
            Math.Round(door.Y + (rng.NextDouble() - 0.5) * 3e-5, RoundedWgs84.Decimals)));
        return Describe(new Hazard(Codes.Hazard(index), rule.Category, location) { BuildingCode = building.Code }, rule, building, orgs, rng);
    }

    private static Hazard InStreet(int index, HazardRule rule, DistrictLattice lattice, OrganisationCatalog orgs, Random rng)
    {
        var (i, j) = (rng.Next(lattice.Columns), rng.Next(lattice.Rows));
        var along = 0.15 + 0.7 * rng.NextDouble();
        var utm = rng.NextDouble() < 0.5 ? lattice.UtmAt(2 * i + 1.5, 2 * j + along) : lattice.UtmAt(2 * i + along, 2 * j + 1.5);
        return Describe(new Hazard(Codes.Hazard(index), rule.Category, RoundedWgs84.Point(utm)), rule, null, orgs, rng);
    }

    private static Hazard Describe(Hazard hazard, HazardRule rule, Building? building, OrganisationCatalog orgs, Random rng)
    {
        hazard.OwnerCode = rule.Owner(building, orgs, rng);
        hazard.Description = string.Format(rng.Pick(rule.Descriptions), building?.Name ?? "");
        hazard.Severity = Weighted(Severities, SeverityWeights, rng);
        hazard.Status = Weighted(Statuses, StatusWeights, rng);
        return hazard;
    }

    /// <summary>
    /// The wall at a market exit that blocks drivers' view: the compound was the railway's, then passed to a state
    /// property company, and nobody's title is clear, so the registry records no owner and both parties claim it.
    /// </summary>
    private static Hazard DisputedWall(DistrictLattice lattice, IReadOnlyList<Building> buildings, OrganisationCatalog orgs,
        List<OwnershipClaim> claims, Deliberate deliberate)
    {
        var market = buildings.FirstOrDefault(b => b.Use == "market") ?? buildings[0];
        var door = market.Entrance.Coordinate;
        var wall = new Hazard(Codes.Hazard(0), "unsafe_wall", RoundedWgs84.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(door.X, door.Y)))
        {
            Severity = "high",
            Status = "open",
            BuildingCode = market.Code,
            Description = $"{market.Name}出口围墙遮挡驾驶员视线，产权不明晰（原属铁路，后移交国企物业），需调取红线图",
        };
        claims.Add(new OwnershipClaim("hazard", wall.Code, orgs.Railway, "原铁路家属院围墙"));
        claims.Add(new OwnershipClaim("hazard", wall.Code, orgs.StateProperty, "随家属院移交，但红线图未包含该围墙"));
        deliberate.Disputed.Add(new Dispute("hazard", wall.Code, [orgs.Railway, orgs.StateProperty]));
        return wall;
    }

    private static T Weighted<T>(IReadOnlyList<T> items, Func<T, double> weight, double total, Random rng)
    {
        var roll = rng.NextDouble() * total;
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll < 0) return item;
        }
        return items[^1];
    }

    private static string Weighted(string[] items, double[] weights, Random rng)
    {
        var k = 0;
        return Weighted(items, _ => weights[k++], weights.Sum(), rng);
    }
}
