using MapDashboard.TestSupport;
using Npgsql;

namespace MapDashboard.IntegrationTests.Incidents;

/// <summary>A server of its own for the incident tests, which write: the shared demo district stays untouched.</summary>
public sealed class IncidentHost : DashboardHost
{
    /// <summary>Rows that a refused report must not have added to.</summary>
    public async Task<(long Incidents, long Transitions, long Changes)> WrittenRowsAsync()
    {
        await using var cmd = Db.CreateCommand(
            "select (select count(*) from incident), (select count(*) from incident_transition), (select count(*) from change_log)");
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}

/// <summary>The incident tests share one server and run one after another (they count rows).</summary>
[CollectionDefinition(Name)]
public sealed class IncidentCollection : ICollectionFixture<IncidentHost>
{
    public const string Name = "incidents";
}
