using System.Collections.Concurrent;
using MapDashboard.Data.Accounts;
using Npgsql;

namespace MapDashboard.TestSupport;

/// <summary>
/// Accounts for tests, made straight in the database (no HTTP, so no rate limit): one per role, named
/// <c>test-ROLE</c>, on real units of whatever district is loaded (admin, district, display: the district; street:
/// its first street; community, planner: that street's first community; worker: the grid worker of that
/// community's first staffed grid). Tokens are issued the same way the token endpoint issues them.
/// </summary>
public sealed class TestAccounts(NpgsqlDataSource db)
{
    const string Units = """
        with district as (select id, code from territory_unit where parent_id is null order by kind <> 'district', code limit 1),
        street as (select t.id, t.code from territory_unit t, district d where t.parent_id = d.id order by t.kind <> 'street', t.code limit 1),
        community as (select t.id, t.code from territory_unit t, street s where t.parent_id = s.id order by t.kind <> 'community', t.code limit 1),
        worker as (select p.code from territory_unit g join community c on g.parent_id = c.id join person p on p.id = g.grid_worker_id order by g.code limit 1)
        select (select code from district), (select code from street), (select code from community), (select code from worker)
        """;

    readonly ConcurrentDictionary<string, Lazy<Task<string>>> _tokens = new();
    readonly AccountStore _store = new(db);

    public static string UserNameOf(string role) => $"test-{role}";

    public static string PasswordOf(string role) => $"test-password-{role}";

    /// <summary>A bearer token of the test account of <paramref name="role"/> (created on first use), the same one each time.</summary>
    public Task<string> TokenForRoleAsync(string role) =>
        _tokens.GetOrAdd(role, r => new Lazy<Task<string>>(() => NewTokenForRoleAsync(r))).Value;

    /// <summary>A fresh bearer token of the test account of <paramref name="role"/>, e.g. to revoke it without touching the shared one.</summary>
    public async Task<string> NewTokenForRoleAsync(string role)
    {
        var id = await EnsureAsync(role);
        var issued = await _store.IssueAsync(id, TokenKind.Bearer, TimeSpan.FromDays(1))
                     ?? throw new InvalidOperationException($"account {UserNameOf(role)} is revoked");
        return issued.Token;
    }

    /// <summary>The test account of <paramref name="role"/>, created if missing; its id.</summary>
    public async Task<int> EnsureAsync(string role)
    {
        await using (var find = db.CreateCommand("select id from account where user_name = @u"))
        {
            find.Parameters.AddWithValue("u", UserNameOf(role));
            if (await find.ExecuteScalarAsync() is int existing) return existing;
        }
        string? district, street, community, worker;
        await using (var cmd = db.CreateCommand(Units))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            string? At(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            (district, street, community, worker) = (At(0), At(1), At(2), At(3));
        }
        var unit = role switch
        {
            "street" => street,
            "community" or "planner" or "worker" => community,
            _ => district,
        } ?? throw new InvalidOperationException($"no territory unit for a test {role} account: load a district first");
        var (id, problem) = await _store.CreateAsync(new NewAccount(UserNameOf(role), $"Test {role}", role, unit, role == "worker" ? worker : null, PasswordOf(role)));
        return id ?? throw new InvalidOperationException($"test account {UserNameOf(role)}: {problem}");
    }
}

/// <summary>Sends a bearer token, fetched on the first request (a fixture may load its district after making the client).</summary>
public sealed class BearerTokenHandler(Func<Task<string>> token) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancel)
    {
        request.Headers.Authorization ??= new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await token());
        return await base.SendAsync(request, cancel);
    }
}
