using MapDashboard.Domain.Patrols;
using Npgsql;

namespace MapDashboard.Data.Patrols;

/// <summary>
/// The district's service area, read once it exists (the district is loaded at
/// start, possibly after the first request); until then any WGS84 position passes
/// the area check.
/// </summary>
public sealed class ServiceAreaSource(NpgsqlDataSource db)
{
    static readonly string AreaSql = SqlResource.Beside<ServiceAreaSource>("service_area.sql");
    ServiceArea? _district;

    public async Task<ServiceArea> GetAsync(CancellationToken cancel)
    {
        if (_district is { } known) return known;
        await using var cmd = db.CreateCommand(AreaSql);
        await using var reader = await cmd.ExecuteReaderAsync(cancel);
        if (!await reader.ReadAsync(cancel) || reader.IsDBNull(0)) return ServiceArea.World;
        return _district = ServiceArea.AroundDistrict(reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3));
    }
}
