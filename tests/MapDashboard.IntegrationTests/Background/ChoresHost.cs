using MapDashboard.TestSupport;
using Microsoft.AspNetCore.Hosting;

namespace MapDashboard.IntegrationTests.Background;

/// <summary>The demo server with its housekeeping chores (idempotency key pruning, the photo folder sweep) running every second.</summary>
public sealed class ChoresHost : DashboardHost
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Idempotency:PruneEverySeconds", "1");
        builder.UseSetting("Photos:SweepEverySeconds", "1");
    }
}
