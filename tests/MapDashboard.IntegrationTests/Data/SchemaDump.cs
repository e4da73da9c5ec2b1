using System.Diagnostics;
using Npgsql;

namespace MapDashboard.IntegrationTests.Data;

/// <summary>pg_dump --schema-only of a database, with the lines that differ between any two dumps removed.</summary>
static class SchemaDump
{
    const string PgDump = "/usr/lib/postgresql/15/bin/pg_dump";

    public static async Task<string> OfAsync(string connectionString)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(PgDump)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "--schema-only", "--no-owner", "--no-privileges", "-h", c.Host!, "-p", c.Port.ToString(), "-U", c.Username!, c.Database! },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pg_dump failed: {await errors}");
        return Normalise(await output);
    }

    // Comment lines name nothing pg_dump does not also print as SQL; \restrict carries a random key per dump.
    static string Normalise(string dump) => string.Join('\n', dump.Split('\n')
        .Where(l => !l.StartsWith("--") && !l.StartsWith("\\restrict") && !l.StartsWith("\\unrestrict") && l.Trim().Length > 0));
}
