using Npgsql;

namespace MapDashboard.IntegrationTests.Findings;

/// <summary>A stored finding as the tests compare it.</summary>
public sealed record FindingRow(string Key, string Kind, string Status, double? AreaM2, string[] Units, string[] Orgs,
    string? Asset, string? DefaultOwner, string Detail, string ExplanationEn)
{
    public static async Task<List<FindingRow>> PresentAsync(NpgsqlConnection conn, string? kind = null)
    {
        await using var cmd = new NpgsqlCommand("""
            select f.finding_key, f.kind, f.status, f.area_m2, f.unit_codes, f.org_codes, f.asset_code,
                   (select code from territory_unit where id = f.default_owner_id), f.detail::text, f.explanation_en
            from finding f where f.present and (@kind::text is null or f.kind = @kind) order by f.finding_key
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter("kind", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)kind ?? DBNull.Value });
        var rows = new List<FindingRow>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(new FindingRow(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetDouble(3), reader.GetFieldValue<string[]>(4), reader.GetFieldValue<string[]>(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetString(8), reader.GetString(9)));
        return rows;
    }

    /// <summary>What must agree between two computations of the same data (ids and times aside).</summary>
    public string Comparable => $"{Key}|{Kind}|{Status}|{AreaM2:F1}|{string.Join(",", Units)}|{string.Join(",", Orgs)}|{Asset}|{DefaultOwner}|{ExplanationEn}";
}
