using System.Security.Cryptography;
using System.Text;
using MapDashboard.Data.Audit;
using MapDashboard.Server.Options;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MapDashboard.Server.Open311;

/// <summary>
/// API keys for posting through Open311. Only SHA-256 digests are stored and
/// compared, so the table is safe to back up or read. The configured demo key
/// is registered at start (after the migrations: hosted services start in order).
/// </summary>
public sealed class Open311Keys(NpgsqlDataSource db, IOptions<Open311Options> options, ILogger<Open311Keys> log) : IHostedService
{
    public static string Digest(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The name of a valid (known, not revoked) key, or null: who sent an Open311 report, for the audit trail.</summary>
    public async Task<string?> NameAsync(string? key, CancellationToken cancel)
    {
        if (string.IsNullOrEmpty(key)) return null;
        await using var cmd = db.CreateCommand("select name from open311_api_key where key_sha256 = @digest and revoked_at is null");
        cmd.Parameters.AddWithValue("digest", Digest(key));
        return await cmd.ExecuteScalarAsync(cancel) as string;
    }

    public async Task StartAsync(CancellationToken cancel)
    {
        if (string.IsNullOrWhiteSpace(options.Value.DemoApiKey)) return;
        await using var cmd = AuditScope.System("server start").Command(db, """
            insert into open311_api_key (name, key_sha256) values ('demo key (Open311:DemoApiKey)', @digest)
            on conflict (key_sha256) do nothing
            """);
        cmd.Parameters.AddWithValue("digest", Digest(options.Value.DemoApiKey));
        if (await cmd.ExecuteNonQueryAsync(cancel) > 0) log.LogInformation("Registered the Open311 demo API key (Open311:DemoApiKey)");
    }

    public Task StopAsync(CancellationToken cancel) => Task.CompletedTask;
}
