using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests;

/// <summary>One server with the demo district loaded, shared by every class that only reads it.</summary>
[CollectionDefinition(Name)]
public sealed class DemoDistrictCollection : ICollectionFixture<DashboardHost>
{
    public const string Name = "demo district";
}
