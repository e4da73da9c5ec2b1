using MapDashboard.Data;
using MapDashboard.Data.Incidents;
using MapDashboard.Domain.Incidents;
using Npgsql;

namespace MapDashboard.IntegrationTests.Coverage;

/// <summary>
/// Patrol coverage as an input of the grid colour: the share of a grid's buildings and hazards visited in the
/// last 24 h. G1: 3 of 6 (B1, B3, H1) = 0.5, yellow. G2: 2 of 5 (H3, H4) = 0.4, red. No incident anywhere.
/// </summary>
[Collection(CoverageCollection.Name)]
public class PatrolStatusTests(CoverageDistrict district)
{
    [Fact]
    public async Task A_grid_half_visited_in_the_last_day_is_yellow_and_one_visited_less_is_red()
    {
        await using var conn = await district.Db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await GridStatusRefresher.RefreshAsync(conn, tx);
        Assert.Equal(GridStatus.Yellow.Name(), await Status(conn, tx, "G1"));
        Assert.Equal(GridStatus.Red.Name(), await Status(conn, tx, "G2"));
        await tx.RollbackAsync();
    }

    [Fact]
    public async Task Without_any_patrol_data_in_the_district_coverage_does_not_colour_a_grid()
    {
        await using var conn = await district.Db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await new NpgsqlCommand("update territory_unit set status = 'red' where code in ('G1', 'G2'); delete from patrol_track", conn, tx).ExecuteNonQueryAsync();
        await GridStatusRefresher.RefreshAsync(conn, tx);
        Assert.Equal(GridStatus.Blue.Name(), await Status(conn, tx, "G1"));
        Assert.Equal(GridStatus.Blue.Name(), await Status(conn, tx, "G2"));
        await tx.RollbackAsync();
    }

    [Fact]
    public async Task The_colour_is_stored_with_its_reasons_as_codes_and_figures_never_sentences()
    {
        await using var conn = await district.Db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await GridStatusRefresher.RefreshAsync(conn, tx);
        Assert.Equal("""[{"rule": "coverage_thin", "value": 50, "threshold": 80}]""", await Reasons(conn, tx, "G1"));
        Assert.Equal("""[{"rule": "coverage_low", "value": 40, "threshold": 50}]""", await Reasons(conn, tx, "G2"));
        await tx.RollbackAsync();
    }

    [Fact]
    public async Task Coverage_younger_than_its_24_hour_window_colours_nothing_and_says_how_young_it_is()
    {
        await using var conn = await district.Db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        // The district's patrol record now begins with W3's walk 23.5 h ago: the 24 h window has not run yet.
        await new NpgsqlCommand("delete from patrol_track where started_at < now() - interval '24 hours'", conn, tx).ExecuteNonQueryAsync();
        await GridStatusRefresher.RefreshAsync(conn, tx);
        Assert.Equal(GridStatus.Blue.Name(), await Status(conn, tx, "G2"));
        var note = Assert.Single(System.Text.Json.JsonDocument.Parse(await Reasons(conn, tx, "G2")).RootElement.EnumerateArray());
        Assert.Equal("coverage_young", note.GetProperty("rule").GetString());
        Assert.InRange(note.GetProperty("value").GetDouble(), 23.3, 23.6);
        Assert.Equal(24, note.GetProperty("threshold").GetDouble());
        await tx.RollbackAsync();
    }

    static async Task<string> Reasons(NpgsqlConnection conn, NpgsqlTransaction tx, string code)
    {
        await using var cmd = new NpgsqlCommand("select status_reasons::text from territory_unit where code = @code", conn, tx);
        cmd.Parameters.AddWithValue("code", code);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    static async Task<string> Status(NpgsqlConnection conn, NpgsqlTransaction tx, string code)
    {
        await using var cmd = new NpgsqlCommand("select status from territory_unit where code = @code", conn, tx);
        cmd.Parameters.AddWithValue("code", code);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}
