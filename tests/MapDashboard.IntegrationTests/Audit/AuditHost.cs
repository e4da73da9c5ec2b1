using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using MapDashboard.TestSupport;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MapDashboard.IntegrationTests.Audit;

/// <summary>
/// A server of its own for the audit tests, with the demo district. Sign-in is not part of this server yet, so a
/// test names the account it acts as in a header (<see cref="TestAccount"/>), read by a test-only authentication
/// handler that issues the claims sign-in will issue (name, role, "unit").
/// </summary>
public sealed class AuditHost : DashboardHost
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddAuthentication(TestAccount.Name)
            .AddScheme<AuthenticationSchemeOptions, TestAccount>(TestAccount.Name, null));
    }

    /// <summary>A client on the real port, signed in as <paramref name="account"/> (name;role;unit), or anonymous.</summary>
    public HttpClient Client(string? account = null)
    {
        var http = CreateRealClient();
        if (account is not null) http.DefaultRequestHeaders.Add(TestAccount.Header, account);
        return http;
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

/// <summary>Test-only sign-in: header X-Test-Account "name;role;unit" → the claims the sign-in branch issues.</summary>
public sealed class TestAccount(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "TestAccount";
    public const string Header = "X-Test-Account";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers[Header].FirstOrDefault() is not { Length: > 0 } value) return Task.FromResult(AuthenticateResult.NoResult());
        var parts = value.Split(';');
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "1"), new(ClaimTypes.Name, parts[0]) };
        if (parts.Length > 1) claims.Add(new(ClaimTypes.Role, parts[1]));
        if (parts.Length > 2) claims.Add(new("unit", parts[2]));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Name));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Name)));
    }
}

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
