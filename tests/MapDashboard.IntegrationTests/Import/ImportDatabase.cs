using MapDashboard.Data;
using MapDashboard.Data.Audit;
using MapDashboard.Data.Import;
using MapDashboard.Data.Migrations;
using MapDashboard.TestSupport;
using System.Text.Json.Nodes;
using Npgsql;

namespace MapDashboard.IntegrationTests.Import;

/// <summary>A fresh database with the schema and no district: what a real district starts from.</summary>
public sealed class ImportDatabase : IAsyncLifetime
{
    public NpgsqlDataSource Db { get; private set; } = null!;

    public static readonly AuditScope Importer = new("chief", "import", "admin", "620102", Request: "import");

    public async Task InitializeAsync()
    {
        Db = DashboardDataSource.Create(await TestCluster.CreateDatabaseAsync("import"));
        await MigrationRunner.ApplyAsync(Db);
    }

    public Task DisposeAsync() => Db.DisposeAsync().AsTask();

    public Task<ImportReport> ImportAsync(string path, ImportLayer layer, bool write = true, Func<ImportRequest, ImportRequest>? options = null) =>
        DistrictImport.RunAsync(Db, (options ?? (r => r))(new ImportRequest(path, layer, FieldMapping.Shipped()) { Write = write }), Importer);

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var cmd = Db.CreateCommand(sql);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>The farthest any imported unit lies from its source geometry (EPSG:4326 GeoJSON): Hausdorff distance over all vertices, metres.</summary>
    public async Task<double> MaxDeviationMetresAsync(IEnumerable<(string Code, JsonNode Geometry)> sources)
    {
        var worst = 0.0;
        foreach (var (code, geometry) in sources)
            worst = Math.Max(worst, await ScalarAsync<double>("""
                select ST_HausdorffDistance(ST_Transform(boundary, 32648), ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(@geometry), 4326), 32648))
                from territory_unit where code = @code
                """, ("geometry", geometry.ToJsonString()), ("code", code)));
        return worst;
    }

    /// <summary>What a failed or refused import must leave as it was.</summary>
    public Task<string> FingerprintAsync() => ScalarAsync<string>("""
        select concat_ws(' ', (select count(*) from territory_unit), (select count(*) from person), (select count(*) from building),
                         (select coalesce(max(seq), 0) from change_log), (select count(*) from audit_entry),
                         (select md5(coalesce(string_agg(code || name || ST_AsEWKB(boundary)::text, ',' order by code), '')) from territory_unit),
                         (select count(*) from organisation),
                         (select md5(coalesce(string_agg(code || coalesce(adopted_by_id::text, '-'), ',' order by code), '')) from territory_unit))
        """);
}
