using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Ambiguity;

/// <summary>A server of its own for the tests that edit boundaries: the shared demo copy stays untouched.</summary>
public sealed class AmbiguityHost : DashboardHost;
