namespace MapDashboard.IntegrationTests.Coverage;

/// <summary>The coverage tests share one hand-drawn district and its server; they run one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class CoverageCollection : ICollectionFixture<CoverageDistrict>
{
    public const string Name = "coverage district";
}
