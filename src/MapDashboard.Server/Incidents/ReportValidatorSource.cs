using Dapper;
using MapDashboard.Data;
using MapDashboard.Domain.Incidents;
using Npgsql;

namespace MapDashboard.Server.Incidents;

/// <summary>
/// A <see cref="ReportValidator"/> built from the database's district and
/// categories, rebuilt at most once a minute: both change rarely, and a report
/// should not cost a read of the district's boundary.
/// </summary>
public sealed class ReportValidatorSource(NpgsqlDataSource db)
{
    static readonly string Sql = SqlResource.Beside<ReportValidatorSource>("validator_inputs.sql");
    static readonly TimeSpan Keep = TimeSpan.FromMinutes(1);

    (ReportValidator Validator, DateTime BuiltAt)? _cached;

    public async Task<ReportValidator> GetAsync(CancellationToken cancel)
    {
        if (_cached is { } c && DateTime.UtcNow - c.BuiltAt < Keep) return c.Validator;
        await using var conn = await db.OpenConnectionAsync(cancel);
        await using var read = await conn.QueryMultipleAsync(Sql);
        var district = await read.ReadSingleAsync<NetTopologySuite.Geometries.Geometry?>()
            ?? throw new InvalidOperationException("no district is loaded: reports cannot be checked");
        var categories = (await read.ReadAsync<string>()).ToHashSet();
        var validator = new ReportValidator(district, categories);
        _cached = (validator, DateTime.UtcNow);
        return validator;
    }
}
