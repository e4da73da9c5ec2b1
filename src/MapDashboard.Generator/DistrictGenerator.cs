using MapDashboard.Generator.Buildings;
using MapDashboard.Generator.Hazards;
using MapDashboard.Generator.Lattice;
using MapDashboard.Generator.Layout;
using MapDashboard.Generator.Model;
using MapDashboard.Generator.Organisations;
using MapDashboard.Generator.People;
using MapDashboard.Generator.Projection;
using MapDashboard.Generator.Steps;

namespace MapDashboard.Generator;

/// <summary>
/// Generates a Lanzhou-like district along the Yellow River, deterministically: the same size and seed give the
/// same district, byte for byte once written. Works in UTM 48N metres; every output geometry is EPSG:4326 rounded
/// to 7 decimals. The only gaps, overlaps and unclear ownership are the ones listed in <see cref="Deliberate"/>.
/// </summary>
public static class DistrictGenerator
{
    public const int DefaultSeed = 20211;

    // One random stream per step (see RandomExtensions.ForStep).
    private enum Step { Plan = 1, Lattice, Trouble, Roads, Organisations, Buildings, Ownership, People, Hazards }

    public static GeneratedDistrict Generate(DistrictSize size, int seed = DefaultSeed)
    {
        var profile = SizeProfile.For(size);
        Random Rng(Step step) => RandomExtensions.ForStep(seed, (int)step);

        var plan = TerritoryPlanner.Plan(profile, Rng(Step.Plan));
        var lattice = LatticeBuilder.Build(profile, plan, Rng(Step.Lattice));
        var trouble = TroubleSites.Choose(profile, plan, lattice, Rng(Step.Trouble));
        var deliberate = new Deliberate();

        var cells = CellMembership.Build(plan, lattice, trouble);
        var police = PoliceLayout.Build(profile, lattice);
        var territory = TerritoryBuilder.Build(plan, lattice, cells, police, trouble, deliberate);
        var roads = RoadNetworkBuilder.Build(lattice, trouble, Rng(Step.Roads));

        var orgs = OrganisationCatalog.Build(plan, Rng(Step.Organisations));
        var placer = new BuildingPlacer(plan, lattice, Rng(Step.Buildings));
        placer.Place(trouble, deliberate);
        var claims = OwnershipAssigner.Assign(profile, placer.Compounds, placer.Buildings, orgs, deliberate, Rng(Step.Ownership));

        var institutionByGrid = plan.Grids.Where(g => g.InstitutionName is not null)
            .ToDictionary(g => g.Code, g => orgs.InstitutionCode(g.InstitutionName!));
        var people = PeopleBuilder.Build(territory, orgs, institutionByGrid, Rng(Step.People));
        var hazards = HazardScatterer.Scatter(profile, lattice, placer.Buildings, orgs, claims, deliberate, Rng(Step.Hazards));

        return new GeneratedDistrict
        {
            Seed = seed,
            Size = size,
            Center = RoundedWgs84.LonLat(territory[0].Boundary.Centroid.Coordinate),
            Categories = CategoryCatalog.All,
            Organisations = orgs.All,
            Territory = territory,
            People = people,
            Buildings = placer.Buildings,
            Hazards = hazards,
            Claims = claims,
            Roads = roads,
            Water = [RiverBuilder.Build(lattice)],
            Deliberate = deliberate,
        };
    }
}
