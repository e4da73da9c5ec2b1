using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Live;

/// <summary>A server of its own for tests that write: the demo district's other readers keep their untouched copy.</summary>
public sealed class LiveHost : DashboardHost;
