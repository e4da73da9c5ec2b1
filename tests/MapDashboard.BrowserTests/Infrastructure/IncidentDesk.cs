using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MapDashboard.Data.Incidents;
using Npgsql;

namespace MapDashboard.BrowserTests.Infrastructure;

/// <summary>
/// Incidents arranged as the outside world makes them: reports through Open311 or the REST
/// API, workflow steps through the API, time passing with SQL plus one escalation sweep.
/// </summary>
public sealed class IncidentDesk(string baseUrl, NpgsqlDataSource db)
{
    readonly HttpClient _http = BrowserAccount.Client(baseUrl, TimeSpan.FromSeconds(30));
    static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>POST /open311/v2/requests.json as a civic app would; returns the service_request_id (the incident code).</summary>
    public async Task<string> PostOpen311Async(string serviceCode, double lon, double lat, string description)
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = "mapdashboard-demo-key", ["service_code"] = serviceCode,
            ["lat"] = Num(lat), ["long"] = Num(lon), ["description"] = description,
            ["email"] = "resident@example.cn", // kept as contact, never shown
        });
        var res = await _http.PostAsync("/open311/v2/requests.json", form);
        var body = await res.Content.ReadAsStringAsync();
        Assert.True(res.StatusCode == HttpStatusCode.Created, $"Open311 answered {(int)res.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!;
    }

    /// <summary>POST /api/incidents; returns the new incident's code.</summary>
    public async Task<string> ReportAsync(string category, double lon, double lat, string description)
    {
        var res = await _http.PostAsJsonAsync("/api/incidents", new { category, lat, lon, description, contact = "13800000000", actor = "resident" });
        var body = await res.Content.ReadAsStringAsync();
        Assert.True(res.StatusCode == HttpStatusCode.Created, $"POST /api/incidents answered {(int)res.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("incident").GetProperty("code").GetString()!;
    }

    public async Task StepAsync(string code, string step, string actor, string note)
    {
        var res = await _http.PostAsJsonAsync($"/api/incidents/{code}/{step}", new { actor, note });
        Assert.True(res.IsSuccessStatusCode, $"{step} {code}: {(int)res.StatusCode} {await res.Content.ReadAsStringAsync()}");
    }

    /// <summary>The current stage's time limit ran out an hour ago; one escalation pass notices.</summary>
    public async Task MakeOverdueAsync(string code)
    {
        await ExecuteAsync("update incident set stage_due_at = now() - interval '1 hour' where code = @code", code);
        await EscalationSweep.RunOnceAsync(db);
    }

    /// <summary>Removes a test's incident and recolours the grids, so the next test sees the district as before.</summary>
    public async Task DeleteAsync(string code)
    {
        await ExecuteAsync("delete from incident where code = @code", code);
        await EscalationSweep.RunOnceAsync(db);
    }

    /// <summary>Removes a case opened from a finding and puts the finding back to new, as before the test.</summary>
    public async Task DeleteCaseAsync(string code)
    {
        await ExecuteAsync("update finding set status = 'new', case_incident_code = null, assignee = null where case_incident_code = @code", code);
        await DeleteAsync(code);
    }

    /// <summary>The community or dedicated grid (the ones the wall fills by status) that covers a point.</summary>
    public async Task<string> StatusGridAtAsync(double lon, double lat)
    {
        await using var cmd = db.CreateCommand(
            "select code from territory_unit where kind in ('community_grid', 'dedicated_grid') " +
            "and ST_Covers(boundary, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)) order by code limit 1");
        cmd.Parameters.AddWithValue("lon", lon);
        cmd.Parameters.AddWithValue("lat", lat);
        return (string)(await cmd.ExecuteScalarAsync() ?? throw new InvalidOperationException($"no grid covers {lon},{lat}"));
    }

    /// <summary>A point well inside a grid (ST_PointOnSurface) and clear of any finding, so routing is plain.</summary>
    public async Task<double[]> PointInsideAsync(string gridCode)
    {
        await using var cmd = db.CreateCommand(
            "select ST_X(p), ST_Y(p) from (select ST_PointOnSurface(boundary) p from territory_unit where code = @code) g");
        cmd.Parameters.AddWithValue("code", gridCode);
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync(), $"no unit {gridCode}");
        return [r.GetDouble(0), r.GetDouble(1)];
    }

    async Task ExecuteAsync(string sql, string code)
    {
        await using var cmd = db.CreateCommand(sql);
        cmd.Parameters.AddWithValue("code", code);
        var rows = await cmd.ExecuteNonQueryAsync();
        Assert.True(rows == 1, $"'{sql}' for {code} changed {rows} rows");
    }
}
