using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using MapDashboard.Data.Accounts;
using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Audit;

/// <summary>
/// A server of its own for the audit tests, with the demo district. A test names the account it acts as,
/// "name;role;unit" (a worker's name is its person's code); the account is made in the database on first use and
/// the client signs in with a bearer token of it, as a script or device would.
/// </summary>
public sealed class AuditHost : DashboardHost
{
    readonly ConcurrentDictionary<string, Lazy<Task<string>>> _tokens = new();

    /// <summary>
    /// A client on the real port signed in as <paramref name="account"/> (name;role;unit), or as the host's default
    /// district account. The account and its token are made now, before the test takes its mark: making them writes
    /// audit rows of their own (an account is audited like any table people edit).
    /// </summary>
    public HttpClient Client(string? account = null) => CreateClientWithToken(
        (account is null ? AccessTokenAsync() : _tokens.GetOrAdd(account, a => new Lazy<Task<string>>(() => TokenOfAsync(a))).Value)
        .GetAwaiter().GetResult());

    async Task<string> TokenOfAsync(string account)
    {
        var (name, role, unit) = account.Split(';') is [var n, var r, var u] ? (n, r, u) : throw new ArgumentException("name;role;unit", nameof(account));
        var store = new AccountStore(Db);
        var (id, problem) = await store.CreateAsync(new NewAccount(name, name, role, unit, role == "worker" ? name : null, $"audit-test-{name}"));
        var issued = await store.IssueAsync(id ?? throw new InvalidOperationException($"account {name}: {problem}"), TokenKind.Bearer, TimeSpan.FromDays(1));
        return issued?.Token ?? throw new InvalidOperationException($"account {name} is revoked");
    }

    /// <summary>The newest audit id: what a test writes after this is what it caused.</summary>
    public Task<long> MarkAsync() => ScalarAsync<long>("select coalesce(max(id), 0) from audit_entry");

    /// <summary>The audit rows written after <paramref name="mark"/>, oldest first.</summary>
    public async Task<List<AuditRow>> RowsSinceAsync(long mark)
    {
        await using var cmd = Db.CreateCommand("""
            select id, actor, actor_role, actor_unit, source, client_address, action, request, target_table, target_key, unit_code,
                   before::text, after::text, db_user
            from audit_entry where id > @mark order by id
            """);
        cmd.Parameters.AddWithValue("mark", mark);
        var rows = new List<AuditRow>();
        await using var reader = await cmd.ExecuteReaderAsync();
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        while (await reader.ReadAsync())
            rows.Add(new AuditRow(reader.GetInt64(0), reader.GetString(1), Text(2), Text(3), reader.GetString(4), Text(5), reader.GetString(6),
                Text(7), Text(8), Text(9), Text(10), Text(11) is { } b ? JsonNode.Parse(b) : null, Text(12) is { } a ? JsonNode.Parse(a) : null,
                reader.GetString(13)));
        return rows;
    }
}

public sealed record AuditRow(long Id, string Actor, string? Role, string? ActorUnit, string Source, string? Client, string Action,
    string? Request, string? Table, string? Key, string? Unit, JsonNode? Before, JsonNode? After, string DbUser);

/// <summary>The audit tests share one server and run one after another (each reads the rows written after its mark).</summary>
[CollectionDefinition(Name)]
public sealed class AuditCollection : ICollectionFixture<AuditHost>
{
    public const string Name = "audit";
}

/// <summary>
/// The write endpoint ("METHOD /route/pattern") whose audit rows this test checks. <see cref="AuditCoverageTests"/>
/// requires one for every POST, PUT, PATCH and DELETE in the route table, unless the endpoint is a documented exemption.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class AuditCoversAttribute(string endpoint) : Attribute
{
    public string Endpoint { get; } = endpoint;
}
