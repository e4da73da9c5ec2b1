using MapDashboard.Data;
using MapDashboard.IntegrationTests.Patrols;
using MapDashboard.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace MapDashboard.IntegrationTests.Permissions;

/// <summary>
/// A server of its own on the demo district, signed in by <see cref="TestSignIn"/>, with two communities to look
/// from: <see cref="Inside"/> (a community whose first grid's worker walked today) and <see cref="Outside"/> (a
/// community of another street), each with a grid, its worker and a point inside.
/// </summary>
public sealed class PermissionHost : DashboardHost, IArrangedHost
{
    public sealed record Place(string Street, string Community, string Grid, string Worker, string WorkerName, double Lon, double Lat);

    public Place Inside { get; private set; } = null!;

    public Place Outside { get; private set; } = null!;

    /// <summary>An HttpClient signed in as this account (none: not signed in).</summary>
    public HttpClient As(Dictionary<string, string>? account)
    {
        var http = CreateAnonymousClient();
        foreach (var (name, value) in account ?? []) http.DefaultRequestHeaders.Add(name, value);
        return http;
    }

    public Dictionary<string, string> InsideLeader(string role = "community") =>
        TestSignIn.As(role, role == "street" ? Inside.Street : Inside.Community);

    public Dictionary<string, string> OutsideLeader(string role = "community") =>
        TestSignIn.As(role, role == "street" ? Outside.Street : Outside.Community);

    public static Dictionary<string, string> Display => TestSignIn.As("display", "620102");

    public async Task ArrangeAsync()
    {
        TestSignIn.UseDatabase(Db);
        // Inside: a community with new findings to move; outside: a community of the other street.
        Inside = await PlaceAsync("exists (select 1 from finding f where f.community_id = c.id and f.present and f.status = 'new')");
        Outside = await PlaceAsync($"s.code <> '{Inside.Street}'");

        // The inside worker walks today (tracks, coverage), as a field device posts it.
        using var http = CreateRealClient();
        await PingPoster.WalkTodayAsync(http, Inside.Worker, Inside.Lon, Inside.Lat);
    }

    /// <summary>The first community c (by code) matching the condition (on c and its street s), its first grid with a worker.</summary>
    async Task<Place> PlaceAsync(string condition)
    {
        await using var conn = await Db.OpenConnectionAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"""
            select s.code, c.code, g.code, p.code, p.name, ST_X(ST_PointOnSurface(g.boundary)), ST_Y(ST_PointOnSurface(g.boundary))
            from territory_unit g
            join territory_unit c on c.id = g.parent_id and c.kind = 'community'
            join territory_unit s on s.id = c.parent_id and s.kind = 'street'
            join person p on p.id = g.grid_worker_id and p.unit_id = g.id
            where g.kind = 'community_grid' and {condition}
            order by c.code, g.code limit 1
            """;
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "the demo district has no such community grid with a worker");
        return new Place(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
            reader.GetDouble(5), reader.GetDouble(6));
    }

    /// <summary>Counts of the rows a refused write must leave as they are.</summary>
    public async Task<string> RowCountsAsync()
    {
        await using var conn = await Db.OpenConnectionAsync();
        return await conn.ScalarAsync<string>("""
            select format('incident %s, incident_transition %s, change_log %s, patrol_route %s, hazard %s, finding_history %s, boundaries %s, hazard states %s',
                (select count(*) from incident), (select count(*) from incident_transition), (select count(*) from change_log),
                (select count(*) from patrol_route), (select count(*) from hazard), (select count(*) from finding_history),
                (select md5(string_agg(ST_AsEWKB(boundary)::text, ',' order by id)) from territory_unit),
                (select md5(string_agg(status || severity, ',' order by id)) from hazard))
            """);
    }
}

/// <summary>One <see cref="PermissionHost"/> for every permission test class: they run one after another.</summary>
public sealed class PermissionDistrict : ArrangedDistrict<PermissionHost>;

[CollectionDefinition(Name)]
public sealed class PermissionCollection : ICollectionFixture<PermissionDistrict>
{
    public const string Name = "permissions";
}

/// <summary>
/// The permission matrix's own server: it walks every endpoint with every role, moving findings, posting pings and
/// revoking accounts, which must not leak into the other permission tests' counts. Its collection runs alone, after
/// the parallel ones (TestSignIn keeps one database at a time).
/// </summary>
public sealed class PermissionMatrixDistrict : ArrangedDistrict<PermissionHost>;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PermissionMatrixCollection : ICollectionFixture<PermissionMatrixDistrict>
{
    public const string Name = "permission-matrix";
}
