using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Findings;

/// <summary>A server of its own for the tests that edit boundaries: the shared demo copy stays untouched.</summary>
public sealed class FindingsHost : DashboardHost;
