using System.Diagnostics;
using Npgsql;

namespace MapDashboard.Server.Hosting.Cluster;

/// <summary>
/// A PostgreSQL + PostGIS cluster that the project owns: created with initdb on
/// first use, started with pg_ctl, reused when it is already there or already
/// running. The run command keeps its cluster in a git-ignored folder with
/// normal durability; tests make a throw-away one in /tmp with fsync off.
/// </summary>
public sealed class PrivateCluster
{
    const string PostgresBin = "/usr/lib/postgresql/15/bin";
    const string DatabaseName = "mapdashboard";

    readonly string _dataDirectory;
    readonly int _port;
    readonly bool _durable;

    public PrivateCluster(string dataDirectory, int port, bool durable)
    {
        _dataDirectory = Path.GetFullPath(dataDirectory);
        _port = port;
        _durable = durable;
    }

    public string DataDirectory => _dataDirectory;
    public int Port => _port;

    /// <summary>Trust auth is safe only because the cluster listens on loopback alone and has no socket file.</summary>
    public string ConnectionString => ConnectionStringFor(DatabaseName);

    public string ConnectionStringFor(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=50";

    static bool RunningAsRoot => Environment.IsPrivilegedProcess;

    public async Task EnsureStartedAsync(CancellationToken cancel = default)
    {
        if (!File.Exists(Path.Combine(_dataDirectory, "PG_VERSION")))
            await InitialiseAsync(cancel);
        if (!await IsRunningAsync(cancel))
            await StartAsync(cancel);
        await WaitUntilAcceptingAsync(cancel);
        await CreateDatabaseAsync(DatabaseName, cancel);
    }

    public async Task StopAsync(CancellationToken cancel = default)
    {
        if (await IsRunningAsync(cancel))
            await RunAsync("pg_ctl", ["-D", _dataDirectory, "-m", "fast", "-w", "stop"], cancel);
    }

    async Task InitialiseAsync(CancellationToken cancel)
    {
        Directory.CreateDirectory(_dataDirectory);
        if (RunningAsRoot)
        {
            // initdb refuses to run as root: the cluster belongs to the postgres user.
            await RunProcessAsync("chown", ["-R", "postgres:postgres", _dataDirectory], cancel);
            await EnsureEnterableByPostgresAsync(cancel);
        }
        await RunAsync("initdb", ["-D", _dataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], cancel);
        await File.AppendAllTextAsync(Path.Combine(_dataDirectory, "postgresql.conf"), ClusterSettings(), cancel);
    }

    string ClusterSettings() => $"""

        # Written by MapDashboard's private-cluster launcher.
        port = {_port}
        listen_addresses = '127.0.0.1'
        # No socket file: socket paths are limited to ~107 characters and the data folder may be deep.
        unix_socket_directories = ''
        max_connections = 200
        shared_buffers = 256MB
        fsync = {(_durable ? "on" : "off")}
        synchronous_commit = {(_durable ? "on" : "off")}
        full_page_writes = {(_durable ? "on" : "off")}
        logging_collector = off
        """;

    async Task EnsureEnterableByPostgresAsync(CancellationToken cancel)
    {
        var probe = await RunProcessAsync("runuser", ["-u", "postgres", "--", "test", "-w", _dataDirectory], cancel, throwOnError: false);
        if (probe.ExitCode != 0)
            throw new InvalidOperationException(
                $"The postgres user cannot enter {_dataDirectory}: every parent folder must be enterable (chmod o+x), " +
                "or point Database:EmbeddedDirectory at a folder outside a private home directory.");
    }

    async Task StartAsync(CancellationToken cancel)
    {
        var log = Path.Combine(_dataDirectory, "server.log");
        await RunAsync("pg_ctl", ["-D", _dataDirectory, "-l", log, "-w", "-t", "60", "start"], cancel);
    }

    async Task<bool> IsRunningAsync(CancellationToken cancel)
    {
        if (!File.Exists(Path.Combine(_dataDirectory, "PG_VERSION"))) return false;
        var status = await RunProcessAsync(Tool("pg_ctl"), ["-D", _dataDirectory, "status"], cancel, throwOnError: false, asPostgres: true);
        return status.ExitCode == 0;
    }

    async Task WaitUntilAcceptingAsync(CancellationToken cancel)
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var conn = new NpgsqlConnection(admin);
                await conn.OpenAsync(cancel);
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, cancel);
            }
        }
    }

    /// <summary>Creates <paramref name="database"/> unless it exists; tests give each fixture its own.</summary>
    public async Task CreateDatabaseAsync(string database, CancellationToken cancel = default)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(database, "^[a-z_][a-z0-9_]*$"))
            throw new ArgumentException($"database name '{database}' must be a plain lower-case identifier", nameof(database));
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var conn = new NpgsqlConnection(admin);
        await conn.OpenAsync(cancel);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", conn);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancel) is not null) return;
        try
        {
            await using var create = new NpgsqlCommand($"create database {database}", conn);
            await create.ExecuteNonQueryAsync(cancel);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another process created it between our check and our create: that is what we wanted.
        }
    }

    Task<ProcessResult> RunAsync(string tool, string[] args, CancellationToken cancel) =>
        RunProcessAsync(Tool(tool), args, cancel, asPostgres: true);

    static string Tool(string name) => Path.Combine(PostgresBin, name);

    static async Task<ProcessResult> RunProcessAsync(string file, string[] args, CancellationToken cancel,
        bool throwOnError = true, bool asPostgres = false)
    {
        var start = new ProcessStartInfo
        {
            FileName = asPostgres && RunningAsRoot ? "runuser" : file,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres && RunningAsRoot)
            foreach (var a in new[] { "-u", "postgres", "--", file }) start.ArgumentList.Add(a);
        foreach (var a in args) start.ArgumentList.Add(a);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancel);
        var stderr = process.StandardError.ReadToEndAsync(cancel);
        await process.WaitForExitAsync(cancel);
        var result = new ProcessResult(process.ExitCode, await stdout, await stderr);
        if (throwOnError && result.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({result.ExitCode}): {result.StdErr}{result.StdOut}");
        return result;
    }

    sealed record ProcessResult(int ExitCode, string StdOut, string StdErr);
}
