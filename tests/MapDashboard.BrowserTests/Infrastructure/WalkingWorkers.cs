using System.Net.Http.Json;
using Npgsql;

namespace MapDashboard.BrowserTests.Infrastructure;

/// <summary>Grid workers made to walk (pings through the API), and the district's people as stored: what the wall's personal-data and label tests look for.</summary>
public static class WalkingWorkers
{
    public sealed record Walker(string Code, string Grid, double Lon, double Lat);

    /// <summary>
    /// Three grid workers of the district, each at a point inside their own grid: the last grids by code, away from
    /// the first grids the other browser tests report incidents in (a report there would be linked to theirs as a
    /// duplicate, or change their grid's colour).
    /// </summary>
    public static async Task<List<Walker>> WalkersAsync(NpgsqlDataSource db)
    {
        await using var cmd = db.CreateCommand("""
            select p.code, g.code, ST_X(ST_PointOnSurface(g.boundary)), ST_Y(ST_PointOnSurface(g.boundary))
            from territory_unit g join person p on p.id = g.grid_worker_id
            where g.kind = 'community_grid' and p.role = 'grid_worker'
            order by g.code desc limit 3
            """);
        var walkers = new List<Walker>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) walkers.Add(new Walker(reader.GetString(0), reader.GetString(1), reader.GetDouble(2), reader.GetDouble(3)));
        Assert.Equal(3, walkers.Count);
        return walkers;
    }

    /// <summary>Each walker takes three steps east, five seconds apart, ending now.</summary>
    public static async Task WalkAsync(HttpClient client, IEnumerable<Walker> walkers)
    {
        var now = DateTimeOffset.UtcNow;
        var pings = walkers.SelectMany(w => Enumerable.Range(0, 3).Select(i => new
        {
            worker = w.Code, recordedAt = now.AddSeconds(-20 + 5 * i).ToString("O"), lon = w.Lon + 0.00003 * i, lat = w.Lat, accuracy = 5.0,
        })).ToArray();
        (await client.PostAsJsonAsync("api/patrols/pings", new { pings })).EnsureSuccessStatusCode();
    }

    /// <summary>Every person of the district: name and phone, as stored.</summary>
    public static async Task<List<(string Name, string? Phone)>> PeopleAsync(NpgsqlDataSource db)
    {
        await using var cmd = db.CreateCommand("select name, phone from person");
        var people = new List<(string, string?)>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) people.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        return people;
    }
}
