using System.Collections.Concurrent;
using MapDashboard.Data.Patrols;
using MapDashboard.Domain.Patrols;
using MapDashboard.TestSupport;
using Npgsql;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MapDashboard.IntegrationTests.Doors;

/// <summary>A server of its own for the door tests: they send garbage, and count every table to prove a refusal wrote nothing.</summary>
public class DoorHost : DashboardHost
{
    /// <summary>Every error the server logged, with its message, for matching a 500's correlation id.</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(l => l.AddProvider(new ErrorCollector(Errors)));
    }

    /// <summary>The row count of every table of the schema (change_log included), so a new table is counted without editing this.</summary>
    public async Task<Dictionary<string, long>> RowCountsAsync()
    {
        await using var cmd = Db.CreateCommand("""
            select c.relname, (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from %I.%I', n.nspname, c.relname), false, true, '')))[1]::text::bigint
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind = 'r' and n.nspname = 'public' and c.relname <> 'spatial_ref_sys'
            """);
        var counts = new Dictionary<string, long>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }

    /// <summary>The tables whose counts differ, "table before→after", empty when nothing changed.</summary>
    public static string Changed(Dictionary<string, long> before, Dictionary<string, long> after) =>
        string.Join(", ", after.Where(a => before.GetValueOrDefault(a.Key) != a.Value).Select(a => $"{a.Key} {before.GetValueOrDefault(a.Key)}→{a.Value}"));

    sealed class ErrorCollector(ConcurrentQueue<string> errors) : ILoggerProvider
    {
        public ILogger CreateLogger(string category) => new Logger(errors);
        public void Dispose() { }

        sealed class Logger(ConcurrentQueue<string> errors) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel level) => level >= LogLevel.Error;
            public void Log<TState>(LogLevel level, EventId id, TState state, Exception? e, Func<TState, Exception?, string> format)
            {
                if (level >= LogLevel.Error) errors.Enqueue(format(state, e));
            }
        }
    }
}

/// <summary>Door tests share one server and run one after another (they count rows).</summary>
[CollectionDefinition(Name)]
public sealed class DoorCollection : ICollectionFixture<DoorHost>
{
    public const string Name = "doors";
}

/// <summary>A server whose clock fails: a real bug path (an exception inside ping ingest) for the 500 test, without a test-only endpoint in the product.</summary>
public sealed class BrokenClockHost : DoorHost
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Only the ingest service gets the broken clock: the host's own timers keep the real one.
        builder.ConfigureServices(s => s.AddSingleton(sp => new PingIngest(sp.GetRequiredService<NpgsqlDataSource>(), PingRules.Default, new BrokenClock())));
    }

    sealed class BrokenClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => throw new InvalidOperationException("the clock is broken (test)");
    }
}
