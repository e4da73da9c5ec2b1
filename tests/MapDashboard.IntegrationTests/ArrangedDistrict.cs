using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests;

/// <summary>A server whose tests need something arranged through its API once it runs.</summary>
public interface IArrangedHost
{
    Task ArrangeAsync();
}

/// <summary>A fixture: the host started, then arranged; shared by the tests of a class or a collection.</summary>
public abstract class ArrangedDistrict<THost> : IAsyncLifetime where THost : DashboardHost, IArrangedHost, new()
{
    public readonly THost Host = new();

    public async Task InitializeAsync()
    {
        await Host.InitializeAsync();
        await Host.ArrangeAsync();
    }

    public Task DisposeAsync() => Host.DisposeAsync();
}
