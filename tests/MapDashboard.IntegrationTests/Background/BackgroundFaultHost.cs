using MapDashboard.Server.Hosting;
using MapDashboard.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MapDashboard.IntegrationTests.Background;

/// <summary>
/// The demo server with its coverage chore folding pings in every second, and two deliberately broken services:
/// one whose loop throws on its first run (supervised: it must be started again) and one plain
/// BackgroundService that throws at once (the host's own rule: it must not stop the server).
/// </summary>
public sealed class BackgroundFaultHost : DashboardHost
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Patrols:Coverage:RefreshSeconds", "1");
        builder.ConfigureTestServices(services =>
        {
            services.AddHostedService<CrashesOnceService>();
            services.AddHostedService<UnsupervisedCrash>();
        });
    }

    /// <summary>Throws out of its loop the first time; counts its runs.</summary>
    public sealed class CrashesOnceService(BackgroundHealth health, ILogger<CrashesOnceService> log) : SupervisedBackgroundService(health, log)
    {
        public static int Runs;

        protected override string Name => "Test crash once";

        protected override async Task RunAsync(CancellationToken stop)
        {
            if (Interlocked.Increment(ref Runs) == 1) throw new InvalidOperationException("a bug met by one input");
            await Task.Delay(Timeout.Infinite, stop);
        }
    }

    /// <summary>Not supervised: its error reaches the host, whose rule must keep serving.</summary>
    public sealed class UnsupervisedCrash : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stop)
        {
            await Task.Yield();
            throw new InvalidOperationException("an unsupervised service failed");
        }
    }
}
