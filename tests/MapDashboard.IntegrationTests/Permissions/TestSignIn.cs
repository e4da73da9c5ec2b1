using System.Collections.Concurrent;
using MapDashboard.Data.Accounts;
using Npgsql;

namespace MapDashboard.IntegrationTests.Permissions;

/// <summary>
/// Accounts for the permission tests, signed in for real: <see cref="As"/> makes (once) an account of a role bound
/// to a unit (and, for a worker, to a person) straight in the database, issues it a bearer token the way the token
/// endpoint does, and answers the header a client sends with it. The server judges the request exactly as it judges
/// any signed-in account: same schemes, same claims, same policies.
/// </summary>
public static class TestSignIn
{
    static NpgsqlDataSource? _db;
    static readonly ConcurrentDictionary<string, string> Tokens = new();

    /// <summary>The database the accounts are made in (the permission tests' one host).</summary>
    public static void UseDatabase(NpgsqlDataSource db)
    {
        _db = db;
        Tokens.Clear();
    }

    /// <summary>The headers of a client signed in as <paramref name="role"/> of <paramref name="unit"/> (default: the district).</summary>
    public static Dictionary<string, string> As(string role, string? unit = null, string? person = null)
    {
        // Keyed by the unit it is bound to, not by how it was asked for: As("district") and As("district", "620102")
        // are one account (its user name says so), made once.
        var boundTo = unit ?? "620102";
        var token = Tokens.GetOrAdd($"{role}|{boundTo}|{person}", _ => IssueAsync(role, boundTo, person).GetAwaiter().GetResult());
        return new Dictionary<string, string> { ["Authorization"] = "Bearer " + token };
    }

    static async Task<string> IssueAsync(string role, string unit, string? person)
    {
        var store = new AccountStore(_db ?? throw new InvalidOperationException("TestSignIn.UseDatabase first"));
        var userName = $"perm-{role}-{unit}" + (person is null ? "" : $"-{person}");
        var (id, problem) = await store.CreateAsync(new NewAccount(userName, userName, role, unit, person, $"permission-test-{userName}"));
        var issued = await store.IssueAsync(id ?? throw new InvalidOperationException($"account {userName}: {problem}"), TokenKind.Bearer, TimeSpan.FromDays(1));
        return issued?.Token ?? throw new InvalidOperationException($"account {userName} is revoked");
    }
}
