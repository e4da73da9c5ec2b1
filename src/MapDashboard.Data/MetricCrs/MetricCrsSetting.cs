using Npgsql;

namespace MapDashboard.Data.MetricCrs;

/// <summary>
/// Settles the district's metric frame in the database (metric_crs_setting, Schema/05_metric_crs.sql): the server's
/// start applies its configuration, the district loader lets a newly loaded district decide.
/// </summary>
public static class MetricCrsSetting
{
    static readonly string ConfigureSql = SqlResource.Beside<MetricCrsMarker>("configure.sql");
    static readonly string FollowDistrictSql = SqlResource.Beside<MetricCrsMarker>("follow_district.sql");

    /// <summary>
    /// Makes <paramref name="configuredSrid"/> the frame, or, when null, the UTM zone of the district's centroid;
    /// returns the frame's SRID. A change of frame redoes what was measured in the old one (see metric_crs_apply).
    /// </summary>
    public static async Task<int> ConfigureAsync(NpgsqlConnection conn, int? configuredSrid, CancellationToken cancel = default)
    {
        await using var cmd = new NpgsqlCommand(ConfigureSql, conn);
        cmd.Parameters.Add(new NpgsqlParameter<int?>("srid", NpgsqlTypes.NpgsqlDbType.Integer) { TypedValue = configuredSrid });
        return (int)(await cmd.ExecuteScalarAsync(cancel))!;
    }

    /// <summary>The district just loaded decides the frame, unless one is configured; returns the frame's SRID.</summary>
    public static async Task<int> FollowDistrictAsync(NpgsqlConnection conn, CancellationToken cancel = default)
    {
        await using var cmd = new NpgsqlCommand(FollowDistrictSql, conn);
        return (int)(await cmd.ExecuteScalarAsync(cancel))!;
    }
}

/// <summary>Anchors the .sql resources of this folder.</summary>
internal sealed class MetricCrsMarker;
