using System.Diagnostics;
using MapDashboard.Domain.Projection;
using MapDashboard.Generator.Model;
using NetTopologySuite.Geometries;

namespace MapDashboard.Generator.Tests.Support;

/// <summary>Generates one district per test class (generation is the slow part) and keeps UTM copies for measuring.</summary>
public abstract class DistrictFixture
{
    private readonly Dictionary<string, Geometry> _utmByCode;

    protected DistrictFixture(DistrictSize size)
    {
        var clock = Stopwatch.StartNew();
        District = DistrictGenerator.Generate(size, DistrictGenerator.DefaultSeed);
        GenerationTime = clock.Elapsed;
        _utmByCode = District.Territory.ToDictionary(u => u.Code, u => Utm48N.Project(u.Boundary));
        UnitsByCode = District.Territory.ToDictionary(u => u.Code);
    }

    public GeneratedDistrict District { get; }
    public TimeSpan GenerationTime { get; }
    public IReadOnlyDictionary<string, TerritoryUnit> UnitsByCode { get; }

    public Geometry Utm(string code) => _utmByCode[code];

    public IEnumerable<TerritoryUnit> OfKind(params string[] kinds) => District.Territory.Where(u => kinds.Contains(u.Kind));

    public IEnumerable<TerritoryUnit> ChildrenOf(string parentCode, params string[] kinds) =>
        OfKind(kinds).Where(u => u.ParentCode == parentCode);
}

public sealed class DemoDistrictFixture() : DistrictFixture(DistrictSize.Demo);

public sealed class CityDistrictFixture() : DistrictFixture(DistrictSize.City);

/// <summary>One demo district for every test class that reads it: generating it is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class DemoDistrictCollection : ICollectionFixture<DemoDistrictFixture>
{
    public const string Name = "demo district";
}
