using System.Text.Json;
using MapDashboard.Data.Audit;
using MapDashboard.Data.Import.Coordinates;
using MapDashboard.Data.Import.Sources;
using Npgsql;
using NpgsqlTypes;

namespace MapDashboard.Data.Import;

/// <summary>
/// Imports one layer of a district's own GIS file into the database, or updates it: read, map the fields, bring
/// the coordinates to EPSG:4326, stage, check (validation report), write what changed and preview the gaps and
/// overlaps — all in one transaction, committed only when asked to write and nothing blocks it. A dry run, a
/// report with errors and any failure on the way are rolled back: nothing is written. A write is live-captured
/// (change log), recomputes its findings through the edit triggers and is audited as the importing account.
/// </summary>
public static class DistrictImport
{
    // One loader or importer at a time per database (the demo loader takes the same lock).
    const long LoadLockKey = 0x4D41504C;

    static readonly string[] TerritoryKindsTopDown =
        ["district", "street", "community", "community_grid", "dedicated_grid", "micro_grid", "police_grid"];

    public static async Task<ImportReport> RunAsync(NpgsqlDataSource db, ImportRequest request, AuditScope importer,
        CancellationToken cancel = default)
    {
        var source = SourceFile.Read(request.Path, request.Encoding, request.Table);
        var layer = request.Layer;
        await using var conn = await db.OpenConnectionAsync(cancel);
        await using var tx = await conn.BeginTransactionAsync(cancel);
        if (request.Write) await importer.ApplyAsync(conn, tx, cancel);
        // A dry run is no stream of changes; its findings preview calls the detectors itself.
        else await Run(conn, "set local mapdashboard.capture = 'off'", cancel);
        await Run(conn, $"select pg_advisory_xact_lock({LoadLockKey})", cancel);

        var toWgs84 = layer.Dimension is null ? null : await SourceCrs.ResolveAsync(conn, source, request.Srs, cancel);
        await Run(conn, Sql("stage.sql"), cancel, ("rows", Jsonb(StagedRows.Json(source, layer, request.Mapping, toWgs84, request.FromGcj02))));
        await Run(conn, Sql("check_rows.sql"), cancel, ("required", layer.Required), ("dimension", (object?)layer.Dimension ?? DBNull.Value),
            ("repair", request.Repair));
        await CheckLayer(conn, layer, cancel);
        await Run(conn, Sql("block_rows.sql"), cancel);

        var (inserted, updated) = await Apply(conn, layer, cancel);
        if (layer.IsTerritory) await Run(conn, Sql("preview_territory.sql"), cancel);
        var problems = await Problems(conn, cancel);
        var blocked = problems.Where(p => p.IsError).Select(p => p.Row).Distinct().Count();
        var written = request.Write && !problems.Any(p => p.IsError);
        var report = new ImportReport(layer.Name, source.Features.Count, toWgs84?.Description ?? "",
            request.FromGcj02 ? $"GCJ-02 → WGS84（迭代反算，残差 < {Gcj02.InverseResidualMetres} m；公开公式本身误差约 {Gcj02.StatedAccuracyMetres} m）" : null,
            inserted, updated, source.Features.Count - inserted - updated - blocked, problems, written);

        if (!written)
        {
            await tx.RollbackAsync(cancel);
            return report;
        }
        await AuditLog.RecordAsync(conn, tx, importer, "import " + layer.Name,
            after: new { file = Path.GetFileName(request.Path), layer = layer.Name, report.Rows, report.Inserted, report.Updated },
            cancel: cancel);
        await tx.CommitAsync(cancel);
        return report;
    }

    static async Task CheckLayer(NpgsqlConnection conn, ImportLayer layer, CancellationToken cancel)
    {
        if (layer.IsTerritory) await Run(conn, Sql("check_territory.sql"), cancel, ("layer", layer.Name));
        if (layer == ImportLayer.Buildings)
        {
            await Run(conn, Sql("check_buildings.sql"), cancel);
            await Run(conn, Sql("check_numbers.sql"), cancel, ("numbers", new[] { "floors", "households", "residents", "year_built" }));
        }
        if (layer == ImportLayer.Hazards) await Run(conn, Sql("check_hazards.sql"), cancel);
        if (layer == ImportLayer.People) await Run(conn, Sql("check_people.sql"), cancel);
        if (layer == ImportLayer.Organisations) await Run(conn, Sql("check_organisations.sql"), cancel);
    }

    static async Task<(int Inserted, int Updated)> Apply(NpgsqlConnection conn, ImportLayer layer, CancellationToken cancel)
    {
        int inserted = 0, updated = 0;
        if (layer == ImportLayer.People) await Run(conn, Sql("match_people.sql"), cancel);
        foreach (var kind in layer.IsTerritory ? TerritoryKindsTopDown : [""])
        {
            await using var cmd = Command(conn, Sql(layer.ApplyFile), ("kind", kind));
            await using var r = await cmd.ExecuteReaderAsync(cancel);
            await r.ReadAsync(cancel);
            inserted += r.GetInt32(0);
            updated += r.GetInt32(1);
        }
        if (layer == ImportLayer.Grids) await Run(conn, Sql("apply_grid_workers.sql"), cancel);
        return (inserted, updated);
    }

    static async Task<List<ImportProblem>> Problems(NpgsqlConnection conn, CancellationToken cancel)
    {
        var problems = new List<ImportProblem>();
        await using var cmd = Command(conn, Sql("problems.sql"));
        await using var r = await cmd.ExecuteReaderAsync(cancel);
        while (await r.ReadAsync(cancel))
            problems.Add(new ImportProblem(r.IsDBNull(0) ? null : r.GetInt32(0), r.IsDBNull(1) ? null : r.GetString(1),
                r.GetString(2), r.GetString(3), ProblemDetail.Parse(r.GetString(4))));
        return problems;
    }

    static NpgsqlParameter Jsonb(string json) => new() { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = json };

    static NpgsqlCommand Command(NpgsqlConnection conn, string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        foreach (var (name, value) in parameters)
            if (value is NpgsqlParameter p) { p.ParameterName = name; cmd.Parameters.Add(p); }
            else cmd.Parameters.AddWithValue(name, value);
        return cmd;
    }

    static async Task Run(NpgsqlConnection conn, string sql, CancellationToken cancel, params (string Name, object Value)[] parameters)
    {
        await using var cmd = Command(conn, sql, parameters);
        await cmd.ExecuteNonQueryAsync(cancel);
    }

    static string Sql(string file) => SqlResource.Beside<Marker>(file);

    sealed class Marker;
}
