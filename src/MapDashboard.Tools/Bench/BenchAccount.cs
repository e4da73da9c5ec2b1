using MapDashboard.Data;
using MapDashboard.Data.Accounts;

namespace MapDashboard.Tools.Bench;

/// <summary>
/// The account the benchmarks (and the tests that start the server as a process) sign in with: <c>bench</c>, role
/// district at the district unit, a random password nobody needs; its bearer token is issued straight in the
/// database, as POST /api/auth/token would, so the measured requests carry the same authentication as a real client's.
/// </summary>
public static class BenchAccount
{
    public const string UserName = "bench";

    /// <summary>A bearer token of the bench account (created if missing); null when the database holds no district yet.</summary>
    public static async Task<string?> TokenAsync(string connectionString, CancellationToken cancel = default)
    {
        await using var db = DashboardDataSource.Create(connectionString);
        var store = new AccountStore(db);
        int? id;
        await using (var find = db.CreateCommand("select id from account where user_name = @u"))
        {
            find.Parameters.AddWithValue("u", UserName);
            id = await find.ExecuteScalarAsync(cancel) as int?;
        }
        if (id is null)
        {
            await using var unitCmd = db.CreateCommand("select code from territory_unit where kind = 'district' order by code limit 1");
            if (await unitCmd.ExecuteScalarAsync(cancel) is not string district) return null;
            (id, var problem) = await store.CreateAsync(new NewAccount(UserName, "Benchmark", "district", district, null, AccessTokens.NewToken()), cancel);
            if (id is null) throw new InvalidOperationException($"the bench account could not be created: {problem}");
        }
        return (await store.IssueAsync(id.Value, TokenKind.Bearer, TimeSpan.FromDays(1), cancel: cancel))?.Token;
    }

    /// <summary>An HttpClient on <paramref name="baseUrl"/> sending <paramref name="token"/> as its bearer token.</summary>
    public static HttpClient Client(string baseUrl, string? token, HttpMessageHandler? handler = null)
    {
        var http = handler is null ? new HttpClient() : new HttpClient(handler);
        http.BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/");
        if (token is not null) http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
