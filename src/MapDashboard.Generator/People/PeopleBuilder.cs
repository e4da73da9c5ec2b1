using MapDashboard.Generator.Model;
using MapDashboard.Generator.Naming;
using MapDashboard.Generator.Organisations;

namespace MapDashboard.Generator.People;

/// <summary>
/// Staffs the territory: a leader for the district, each street and each community; for every community or
/// dedicated grid one full-time grid worker (专职网格员) and three party-member volunteers (one of whom looks after
/// each micro-grid); an officer per police grid; a few dispatchers in the district centre.
/// </summary>
public static class PeopleBuilder
{
    private const int VolunteersPerGrid = 3;
    private const int Dispatchers = 3;
    private const int AdoptedGrids = 20;

    /// <param name="institutionByGrid">Dedicated grid code → the organisation the grid serves.</param>
    public static List<Person> Build(IReadOnlyList<TerritoryUnit> territory, OrganisationCatalog orgs,
        IReadOnlyDictionary<string, string> institutionByGrid, Random rng)
    {
        var people = new List<Person>();
        Person Add(string role, string? unit, string? organisation)
        {
            var person = new Person(Codes.Person(people.Count), PersonNames.Next(rng), role, PersonNames.Mobile(rng), unit, organisation);
            people.Add(person);
            return person;
        }

        foreach (var unit in territory.Where(u => u.Kind is TerritoryKinds.District or TerritoryKinds.Street or TerritoryKinds.Community))
            unit.LeaderCode = Add(PersonRoles.Leader, unit.Code, null).Code;
        for (var k = 0; k < Dispatchers; k++)
            Add(PersonRoles.Dispatcher, Codes.District, null);

        var volunteersByGrid = new Dictionary<string, List<string>>();
        var adoptable = rng.Shuffled(territory.Where(u => u.Kind == TerritoryKinds.CommunityGrid)).Take(AdoptedGrids).ToHashSet();
        foreach (var grid in territory.Where(u => TerritoryKinds.IsGrid(u.Kind)))
        {
            // A dedicated grid's worker is on the institution's staff; an adopted grid's volunteers come from its adopter.
            var institution = institutionByGrid.GetValueOrDefault(grid.Code);
            if (adoptable.Contains(grid)) grid.AdoptedByCode = rng.Pick(orgs.CoBuildingUnits);
            grid.GridWorkerCode = Add(PersonRoles.GridWorker, grid.Code, institution).Code;
            volunteersByGrid[grid.Code] = Enumerable.Range(0, VolunteersPerGrid)
                .Select(_ => Add(PersonRoles.Volunteer, grid.Code, grid.AdoptedByCode ?? institution).Code).ToList();
        }

        foreach (var micro in territory.Where(u => u.Kind == TerritoryKinds.MicroGrid))
        {
            var volunteers = volunteersByGrid[micro.ParentCode!];
            var ordinal = int.Parse(micro.Code[(micro.Code.LastIndexOf('-') + 1)..]) - 1;
            micro.GridWorkerCode = volunteers[ordinal % volunteers.Count];
        }

        foreach (var police in territory.Where(u => u.Kind == TerritoryKinds.PoliceGrid))
            police.GridWorkerCode = Add(PersonRoles.Police, police.Code, null).Code;
        return people;
    }
}
