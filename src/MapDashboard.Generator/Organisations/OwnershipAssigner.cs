using MapDashboard.Generator.Buildings;
using MapDashboard.Generator.Layout;
using MapDashboard.Generator.Model;

namespace MapDashboard.Generator.Organisations;

/// <summary>
/// Gives every compound an owner (产权单位) and a property manager, then plants the unclear ownership the product
/// exists to show: compounds with no owner, compounds with no manager (无物业小区), and buildings that the railway
/// and the state property company that took over its housing both claim.
/// </summary>
public static class OwnershipAssigner
{
    public static List<OwnershipClaim> Assign(SizeProfile profile, IReadOnlyList<Compound> compounds, IReadOnlyList<Building> buildings,
        OrganisationCatalog orgs, Deliberate deliberate, Random rng)
    {
        foreach (var compound in compounds)
            (compound.OwnerCode, compound.ManagerCode) = compound.Institution is not null
                ? (orgs.InstitutionCode(compound.Institution), orgs.InstitutionCode(compound.Institution))
                : (OwnerOf(compound, orgs, rng), rng.Pick(orgs.PropertyCompanies));

        // Old walk-up compounds are where title and management really are unclear.
        var candidates = rng.Shuffled(compounds.Where(c => c.Institution is null && c.Style == BuildingStyle.WalkUp && c.Buildings.Count > 0));
        var ownerless = TakeUntil(candidates, profile.OwnerlessBuildings);
        var unmanaged = TakeUntil(candidates.Except(ownerless).ToList(), profile.UnmanagedBuildings);
        foreach (var compound in ownerless) compound.OwnerCode = null;
        foreach (var compound in unmanaged) compound.ManagerCode = null;

        foreach (var compound in compounds)
            foreach (var b in compound.Buildings)
                (buildings[b].OwnerCode, buildings[b].ManagerCode) = (compound.OwnerCode, compound.ManagerCode);

        var claims = PlantDisputes(profile, candidates.Except(ownerless).Except(unmanaged), buildings, orgs, deliberate);
        deliberate.OwnerlessBuildings.AddRange(buildings.Where(b => b.OwnerCode is null).Select(b => b.Code));
        deliberate.UnmanagedBuildings.AddRange(buildings.Where(b => b.ManagerCode is null).Select(b => b.Code));
        return claims;
    }

    /// <summary>High-rises belong to their developer's property company; old walk-ups to housing offices, work units or the railway.</summary>
    private static string OwnerOf(Compound compound, OrganisationCatalog orgs, Random rng)
    {
        if (compound.Style != BuildingStyle.WalkUp) return rng.Pick(orgs.PropertyCompanies);
        var roll = rng.NextDouble();
        return roll < 0.15 ? orgs.Railway
            : roll < 0.30 ? orgs.StateProperty
            : roll < 0.60 ? rng.Pick(orgs.WorkUnits)
            : orgs.Housing;
    }

    /// <summary>
    /// The registry says the state property company owns these buildings; the railway says it never handed them over.
    /// </summary>
    private static List<OwnershipClaim> PlantDisputes(SizeProfile profile, IEnumerable<Compound> clean, IReadOnlyList<Building> buildings,
        OrganisationCatalog orgs, Deliberate deliberate)
    {
        var claims = new List<OwnershipClaim>();
        foreach (var b in clean.SelectMany(c => c.Buildings).Take(profile.DisputedBuildings))
        {
            var building = buildings[b];
            building.OwnerCode = orgs.StateProperty;
            claims.Add(new OwnershipClaim("building", building.Code, orgs.Railway, "1990年代铁路系统自建职工住宅，未办理产权移交手续"));
            claims.Add(new OwnershipClaim("building", building.Code, orgs.StateProperty, "2016年国企职工家属区“三供一业”分离移交接收"));
            deliberate.Disputed.Add(new Dispute("building", building.Code, [orgs.Railway, orgs.StateProperty]));
        }
        return claims;
    }

    private static List<Compound> TakeUntil(IReadOnlyList<Compound> compounds, int buildings)
    {
        var taken = new List<Compound>();
        var count = 0;
        foreach (var compound in compounds)
        {
            if (count >= buildings) break;
            taken.Add(compound);
            count += compound.Buildings.Count;
        }
        return taken;
    }

}
