using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MapDashboard.Data.Audit;
using MapDashboard.Data.Incidents;
using MapDashboard.IntegrationTests.Incidents;
using MapDashboard.IntegrationTests.Live;
using MapDashboard.IntegrationTests.Patrols;
using MapDashboard.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MapDashboard.IntegrationTests.Audit;

/// <summary>
/// Every write leaves exactly the audit rows it should: who (the signed-in account, the Open311 key, or the
/// database user for a direct edit), from where, which endpoint, before → after; and the machine writes (a findings
/// recomputation, ping ingest, the demo import) leave one summary row, not one per row.
/// </summary>
[Collection(AuditCollection.Name)]
public class AuditedWritesTests(AuditHost host)
{
    const string Leader = "leader.wang;community;620102001001";
    const string Duty = "duty.zhou;district;620102";

    static string Keys(JsonNode? node) => string.Join(",", node!.AsObject().Select(p => p.Key).Order());

    [Fact]
    [AuditCovers("PUT /api/territory/{code}/boundary")]
    public async Task A_boundary_edit_records_the_boundary_as_a_summary_before_and_after_and_not_the_findings_it_recomputes()
    {
        var grid = await host.ScalarAsync<string>("select code from territory_unit where kind = 'community_grid' order by code offset 3 limit 1");
        var shrunk = await host.ScalarAsync<string>("select ST_AsGeoJSON(ST_Buffer(boundary, -0.0001, 'join=mitre')) from territory_unit where code = @c", ("c", grid));
        var md5Before = await host.ScalarAsync<string>("select md5(ST_AsEWKB(boundary)) from territory_unit where code = @c", ("c", grid));
        var findingChanges = await host.ScalarAsync<long>("select count(*) from finding_history");
        using var http = host.Client(Leader);

        var mark = await host.MarkAsync();
        (await http.PutAsync($"api/territory/{grid}/boundary?dryRun=true", new StringContent(shrunk, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        Assert.Empty(await host.RowsSinceAsync(mark)); // a dry run is rolled back, its audit row with it

        (await http.PutAsync($"api/territory/{grid}/boundary", new StringContent(shrunk, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        var row = Assert.Single(await host.RowsSinceAsync(mark));
        Assert.Equal(("leader.wang", "community", "620102001001", "api", "127.0.0.1"), (row.Actor, row.Role, row.ActorUnit, row.Source, row.Client));
        Assert.Equal(("update territory_unit", "PUT /api/territory/{code}/boundary", "territory_unit", grid, grid),
            (row.Action, row.Request, row.Table, row.Key, row.Unit));
        Assert.Equal("boundary", Keys(row.Before));
        Assert.Equal(md5Before, (string?)row.Before!["boundary"]!["md5"]);
        Assert.Equal(await host.ScalarAsync<string>("select md5(ST_AsEWKB(boundary)) from territory_unit where code = @c", ("c", grid)),
            (string?)row.After!["boundary"]!["md5"]);
        Assert.Equal("MultiPolygon", (string?)row.After["boundary"]!["type"]);
        Assert.True((double)row.After["boundary"]!["areaM2"]! < (double)row.Before["boundary"]!["areaM2"]!);
        // The edit changed findings (the recomputation in its transaction); none of that is in the trail.
        Assert.True(await host.ScalarAsync<long>("select count(*) from finding_history") > findingChanges);
    }

    [Fact]
    [AuditCovers("PATCH /api/hazards/{code}")]
    public async Task A_hazard_update_is_recorded_with_its_account_and_the_changed_column_only()
    {
        var hazard = await host.ScalarAsync<string>("select code from hazard where status = 'open' order by code limit 1");
        using var http = host.Client();

        var mark = await host.MarkAsync();
        (await http.PatchAsJsonAsync($"api/hazards/{hazard}", new { status = "mitigating" })).EnsureSuccessStatusCode();

        var row = Assert.Single(await host.RowsSinceAsync(mark));
        Assert.Equal((TestAccounts.UserNameOf(DashboardHost.DefaultRole), (string?)DashboardHost.DefaultRole, "api", "update hazard", "PATCH /api/hazards/{code}", hazard),
            (row.Actor, row.Role, row.Source, row.Action, row.Request, row.Key));
        Assert.Equal("""{"status":"open"}""", row.Before!.ToJsonString());
        Assert.Equal("""{"status":"mitigating"}""", row.After!.ToJsonString());
        Assert.Equal(await host.ScalarAsync<string>("select audit_unit_at(location) from hazard where code = @c", ("c", hazard)), row.Unit);
        Assert.NotNull(row.Unit);
    }

    [Fact]
    [AuditCovers("POST /api/incidents")]
    [AuditCovers("POST /api/incidents/{code}/{action}")]
    public async Task A_report_and_a_workflow_step_record_the_incident_and_its_history_without_the_reporter_s_contact()
    {
        var at = await LiveSql.PointInsideAsync(host.Db, "micro_grid", 3);
        using var http = host.Client("dispatcher.li;street;620102001");

        var mark = await host.MarkAsync();
        var reported = await http.PostAsJsonAsync("api/incidents", new { category = "parking", lat = at.Lat, lon = at.Lon, contact = "13800138000", actor = "typed name" });
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        var code = (string)JsonNode.Parse(await reported.Content.ReadAsStringAsync())!["incident"]!["code"]!;

        var rows = await host.RowsSinceAsync(mark);
        Assert.Equal(["insert incident", "insert incident_transition"], rows.Select(r => r.Action).Order());
        Assert.All(rows, r => Assert.Equal(("dispatcher.li", "street", "api", "POST /api/incidents"), (r.Actor, r.Role, r.Source, r.Request)));
        var incident = rows.Single(r => r.Table == "incident");
        Assert.Equal(code, incident.Key);
        Assert.Equal("reported", (string?)incident.After!["stage"]);
        Assert.Equal("(personal data, not copied)", (string?)incident.After["reporter_contact"]);
        Assert.DoesNotContain("13800138000", string.Join("", rows.Select(r => r.After!.ToJsonString())));
        Assert.Equal("Point", (string?)incident.After["location"]!["type"]);
        Assert.Equal(at.Code, incident.Unit); // the smallest grid holding the point, which the report was routed to
        Assert.Equal("typed name", (string?)rows.Single(r => r.Table == "incident_transition").After!["actor"]);

        mark = await host.MarkAsync();
        (await http.PostAsJsonAsync($"api/incidents/{code}/dispatch", new { actor = "typed name", note = "go" })).EnsureSuccessStatusCode();

        rows = await host.RowsSinceAsync(mark);
        Assert.Equal(["insert incident_transition", "update incident"], rows.Select(r => r.Action).Order());
        var step = rows.Single(r => r.Action == "update incident");
        Assert.Equal(("reported", "dispatched"), ((string?)step.Before!["stage"], (string?)step.After!["stage"]));
        Assert.Equal("POST /api/incidents/{code}/{action}", step.Request);
        Assert.Equal("dispatched", (string?)rows.Single(r => r.Table == "incident_transition").After!["to_stage"]);

        // A refused step writes nothing, audit included.
        mark = await host.MarkAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsJsonAsync($"api/incidents/{code}/close", new { actor = "x" })).StatusCode);
        Assert.Empty(await host.RowsSinceAsync(mark));
    }

    [Fact]
    [AuditCovers("POST /open311/v2/requests.{format}")]
    public async Task An_open311_report_is_attributed_to_its_api_key()
    {
        var at = await LiveSql.PointInsideAsync(host.Db, "micro_grid", 5);
        using var http = host.CreateAnonymousClient();
        var open311 = new Open311Client(http);

        var mark = await host.MarkAsync();
        var response = await open311.PostAtAsync("json", "sanitation", (at.Lon, at.Lat), more: [("email", "resident@example.com")]);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var rows = await host.RowsSinceAsync(mark);
        Assert.Equal(["insert incident", "insert incident_transition"], rows.Select(r => r.Action).Order());
        Assert.All(rows, r => Assert.Equal(("demo key (Open311:DemoApiKey)", "open311", "POST /open311/v2/requests.{format}"), (r.Actor, r.Source, r.Request)));
        Assert.Equal("open311", (string?)rows.Single(r => r.Table == "incident").After!["source"]);
        Assert.DoesNotContain("resident@example.com", string.Join("", rows.Select(r => r.After!.ToJsonString())));

        mark = await host.MarkAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await open311.PostAtAsync("json", "sanitation", (at.Lon, at.Lat), key: "not a key")).StatusCode);
        Assert.Empty(await host.RowsSinceAsync(mark));
    }

    [Fact]
    [AuditCovers("POST /api/findings/{id:long}/{move}")]
    public async Task A_finding_step_records_status_and_assignee()
    {
        var id = await host.ScalarAsync<long>("select id from finding where status = 'new' and present and kind <> 'gap' and community_id = (select id from territory_unit where code = '620102001001') order by id limit 1");
        using var http = host.Client(Leader);

        var mark = await host.MarkAsync();
        (await http.PostAsJsonAsync($"api/findings/{id}/assign", new { assignee = "620102001001", actor = "typed name" })).EnsureSuccessStatusCode();

        var row = Assert.Single(await host.RowsSinceAsync(mark));
        Assert.Equal(("leader.wang", "update finding", "finding", id.ToString(), "POST /api/findings/{id:long}/{move}"),
            (row.Actor, row.Action, row.Table, row.Key, row.Request));
        Assert.Equal(("new", "assigned", "620102001001"), ((string?)row.Before!["status"], (string?)row.After!["status"], (string?)row.After["assignee"]));
        Assert.Null(row.After["geom"]);
    }

    [Fact]
    [AuditCovers("POST /api/findings/{id:long}/case")]
    public async Task Opening_a_case_records_the_incident_it_creates_its_dispatch_and_the_finding_it_assigns()
    {
        var gap = await host.ScalarAsync<long>("select id from finding where kind = 'gap' and unit_codes[1] = '620102001003' and present");
        using var http = host.Client(Duty); // the gap lies between communities: the district's to open

        var mark = await host.MarkAsync();
        (await http.PostAsJsonAsync($"api/findings/{gap}/case", new { actor = "typed name" })).EnsureSuccessStatusCode();

        var rows = await host.RowsSinceAsync(mark);
        Assert.Equal(["insert incident", "insert incident_transition", "insert incident_transition", "update finding", "update incident"],
            rows.Select(r => r.Action).Order());
        Assert.All(rows, r => Assert.Equal(("duty.zhou", "POST /api/findings/{id:long}/case"), (r.Actor, r.Request)));
        var finding = rows.Single(r => r.Table == "finding");
        Assert.Equal(await host.ScalarAsync<string>("select case_incident_code from finding where id = @id", ("id", gap)),
            (string?)finding.After!["case_incident_code"]);
    }

    [Fact]
    [AuditCovers("PUT /api/findings/settings")]
    [AuditCovers("POST /api/findings/recompute")]
    public async Task Changing_the_settings_records_the_setting_and_one_recomputation_one_row_however_many_findings_change()
    {
        using var http = host.Client(Duty);
        var changes = await host.ScalarAsync<long>("select count(*) from finding_history");

        var mark = await host.MarkAsync();
        (await http.PutAsJsonAsync("api/findings/settings", new { minAreaM2 = 10000.0 })).EnsureSuccessStatusCode();
        var churn = await host.ScalarAsync<long>("select count(*) from finding_history") - changes;

        var row = Assert.Single(await host.RowsSinceAsync(mark));
        Assert.Equal(("update finding_setting", "PUT /api/findings/settings"), (row.Action, row.Request));
        Assert.Equal((10.0, 10000.0), ((double)row.Before!["min_area_m2"]!, (double)row.After!["min_area_m2"]!));
        Assert.True(churn >= 5, $"the new threshold changed only {churn} findings' status");

        mark = await host.MarkAsync();
        (await http.PutAsJsonAsync("api/findings/settings", new { minAreaM2 = 10.0 })).EnsureSuccessStatusCode();
        (await http.PostAsync("api/findings/recompute", null)).EnsureSuccessStatusCode();

        var rows = await host.RowsSinceAsync(mark);
        Assert.Equal(["POST /api/findings/recompute", "update finding_setting"], rows.Select(r => r.Action).Order());
        Assert.Equal(("duty.zhou", "finding"), (rows[^1].Actor, rows[^1].Table));
        Assert.DoesNotContain(rows, r => r.Table == "finding" && r.Action != "POST /api/findings/recompute");
    }

    [Fact]
    [AuditCovers("POST /api/routes")]
    [AuditCovers("PUT /api/routes/{id:long}")]
    [AuditCovers("DELETE /api/routes/{id:long}")]
    public async Task Saving_editing_and_deleting_a_route_record_each_change_with_the_line_summarised()
    {
        var (grid, lon, lat) = await LiveSql.PointInsideAsync(host.Db, "community_grid", 1);
        using var http = host.Client("planner.zhao;planner;620102001001");
        object Body(string name, double east) => new { name, grid, path = new { type = "LineString", coordinates = new[] { new[] { lon, lat }, new[] { lon + east, lat } } } };

        var mark = await host.MarkAsync();
        var created = await http.PostAsJsonAsync("api/routes", Body("早巡", 0.001));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (long)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;
        (await http.PutAsJsonAsync($"api/routes/{id}", Body("晚巡", 0.002))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"api/routes/{id}")).StatusCode);

        var rows = await host.RowsSinceAsync(mark);
        Assert.Equal(["insert patrol_route", "update patrol_route", "delete patrol_route"], rows.Select(r => r.Action));
        Assert.Equal(["POST /api/routes", "PUT /api/routes/{id:long}", "DELETE /api/routes/{id:long}"], rows.Select(r => r.Request));
        Assert.All(rows, r => Assert.Equal(("planner.zhao", "planner", id.ToString(), grid), (r.Actor, r.Role, r.Key, r.Unit)));
        var path = rows[0].After!["path"]!;
        Assert.Equal(("LineString", 2), ((string?)path["type"], (int)path["vertices"]!));
        Assert.InRange((double)path["lengthM"]!, 85, 95);
        Assert.Equal(("早巡", "晚巡"), ((string?)rows[1].Before!["name"], (string?)rows[1].After!["name"]));
        Assert.InRange((double)rows[1].After!["path"]!["lengthM"]!, 170, 190);
        Assert.Null(rows[2].After);
        Assert.Equal("晚巡", (string?)rows[2].Before!["name"]);
    }

    [Fact]
    [AuditCovers("POST /api/patrols/pings")]
    public async Task A_ping_batch_leaves_one_row_with_its_counts_and_not_one_per_ping()
    {
        var worker = await host.ScalarAsync<string>("select p.code from person p join territory_unit g on g.grid_worker_id = p.id order by p.code limit 1");
        var at = await LiveSql.PointInsideAsync(host.Db, "community_grid", 0);
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        var pings = Enumerable.Range(0, 40).Select(i => new PingPoster.Ping(worker, start.AddSeconds(5 * i), at.Lon + i * 0.00003, at.Lat)).ToArray();
        using var http = host.Client($"{worker};worker;{at.Code}");

        var mark = await host.MarkAsync();
        await PingPoster.AcceptedAsync(http, pings);
        await PingPoster.AcceptedAsync(http, pings); // resent: all duplicates, still one accepted batch

        var rows = await host.RowsSinceAsync(mark);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(("POST /api/patrols/pings", "patrol_ping", worker, at.Code), (r.Action, r.Table, r.Actor, r.ActorUnit)));
        Assert.Equal((40, 40, 0), ((int)rows[0].After!["pings"]!, (int)rows[0].After!["stored"]!, (int)rows[0].After!["duplicates"]!));
        Assert.Equal((0, 40), ((int)rows[1].After!["stored"]!, (int)rows[1].After!["duplicates"]!));
        Assert.Equal(worker, (string?)rows[0].After!["workers"]![0]);

        mark = await host.MarkAsync();
        var refused = await PingPoster.PostAsync(http, new PingPoster.Ping("NOBODY", start, at.Lon, at.Lat));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode); // a worker posts only its own pings
        Assert.Empty(await host.RowsSinceAsync(mark));
    }

    [Fact]
    public async Task An_escalation_is_recorded_as_the_server_s_chore()
    {
        var at = await LiveSql.PointInsideAsync(host.Db, "micro_grid", 7);
        using var http = host.Client();
        var reported = await http.PostAsJsonAsync("api/incidents", new { category = "roof_leak", lat = at.Lat, lon = at.Lon });
        var code = (string)JsonNode.Parse(await reported.Content.ReadAsStringAsync())!["incident"]!["code"]!;
        await using (var late = host.Db.CreateCommand("update incident set stage_due_at = now() - interval '1 minute' where code = @c"))
        {
            late.Parameters.AddWithValue("c", code);
            await late.ExecuteNonQueryAsync();
        }

        var mark = await host.MarkAsync();
        Assert.True((await EscalationSweep.RunOnceAsync(host.Db)).Escalated >= 1);

        var rows = (await host.RowsSinceAsync(mark)).Where(r => r.Key == code || r.Table == "incident_transition").ToList();
        Assert.Equal(["insert incident_transition", "update incident"], rows.Select(r => r.Action).Order());
        Assert.All(rows, r => Assert.Equal(("escalation", "system", (string?)null), (r.Actor, r.Source, r.Request)));
        Assert.Equal((0, 1), ((int)rows.Single(r => r.Table == "incident").Before!["escalation_level"]!,
            (int)rows.Single(r => r.Table == "incident").After!["escalation_level"]!));
    }

    [Fact]
    public async Task An_edit_made_directly_in_the_database_is_attributed_to_the_database_user()
    {
        var hazard = await host.ScalarAsync<string>("select code from hazard order by code desc limit 1");

        var mark = await host.MarkAsync();
        await using (var cmd = host.Db.CreateCommand("update hazard set severity = case severity when 'low' then 'high' else 'low' end where code = @c"))
        {
            cmd.Parameters.AddWithValue("c", hazard);
            await cmd.ExecuteNonQueryAsync();
        }

        var row = Assert.Single(await host.RowsSinceAsync(mark));
        Assert.Equal(("postgres", (string?)null, "database", "127.0.0.1", (string?)null, "postgres"), (row.Actor, row.Role, row.Source, row.Client, row.Request, row.DbUser));
        Assert.Equal(("update hazard", hazard, "severity"), (row.Action, row.Key, Keys(row.After)));
    }

    [Fact]
    public async Task The_demo_import_is_one_row_and_grid_colours_and_machine_writes_are_not_recorded()
    {
        var import = Assert.Single(await host.RowsSinceAsync(0), r => r.Source == "import");
        Assert.Equal(("district loader", "import district", "demo"), (import.Actor, import.Action, (string?)import.After!["district"]));
        Assert.True((int)import.After!["units"]! > 100);
        Assert.Equal(0L, await host.ScalarAsync<long>("select count(*) from audit_entry where action like 'insert %' and source = 'import'"));

        // What the server's chores write: grid colours (GridStatusRefresher), worker positions, the change log.
        var mark = await host.MarkAsync();
        await using (var recolour = host.Db.CreateCommand(
            "update territory_unit set status = case status when 'red' then 'blue' else 'red' end where kind = 'micro_grid'"))
            Assert.True(await recolour.ExecuteNonQueryAsync() > 10);
        await host.ScalarAsync<int>("select publish_worker_positions()");
        Assert.Empty(await host.RowsSinceAsync(mark));
    }

    [Fact]
    public async Task A_reveal_of_personal_data_is_recorded_with_who_and_what()
    {
        var who = new AuditScope("leader.wang", "api", "community", "620102001001", "10.1.2.3", "GET /api/grids/{code}");

        var mark = await host.MarkAsync();
        await AuditLog.RecordRevealAsync(host.Db, who, "person P000010 phone", "620102001001-01", "person");

        var row = Assert.Single(await host.RowsSinceAsync(mark));
        Assert.Equal(("leader.wang", "reveal", "reveal", "person", "person P000010 phone", "620102001001-01", "10.1.2.3"),
            (row.Actor, row.Source, row.Action, row.Table, row.Key, row.Unit, row.Client));
    }

    [Fact]
    public async Task The_application_cannot_change_delete_or_truncate_an_audit_row_and_the_chain_of_everything_written_verifies()
    {
        var app = host.Services.GetRequiredService<NpgsqlDataSource>();
        var id = await host.MarkAsync();
        var before = await host.ScalarAsync<string>("select actor || encode(hash, 'hex') from audit_entry where id = @id", ("id", id));

        foreach (var sql in new[] { "update audit_entry set actor = 'someone else' where id = @id", "delete from audit_entry where id = @id", "truncate audit_entry" })
        {
            await using var cmd = app.CreateCommand(sql);
            cmd.Parameters.AddWithValue("id", id);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
            Assert.Contains("append-only", refused.MessageText);
        }

        Assert.Equal(before, await host.ScalarAsync<string>("select actor || encode(hash, 'hex') from audit_entry where id = @id", ("id", id)));
        Assert.True(await host.ScalarAsync<bool>("select audit_verify() is null"));
    }

    [Fact]
    [AuditCovers("POST /api/accounts")]
    [AuditCovers("POST /api/accounts/{userName}/revoke")]
    [AuditCovers("POST /api/devices")]
    [AuditCovers("POST /api/devices/{id:int}/revoke")]
    public async Task Accounts_and_devices_are_recorded_as_the_admin_s_writes_without_their_secrets()
    {
        var worker = await host.ScalarAsync<string>("select p.code from person p join territory_unit g on g.grid_worker_id = p.id order by p.code desc limit 1");
        using var admin = host.Client("admin.audit;admin;620102");

        var mark = await host.MarkAsync();
        (await admin.PostAsJsonAsync("api/accounts", new { userName = "audit-w", role = "worker", unit = "620102", person = worker, password = "a-long-password-1" }))
            .EnsureSuccessStatusCode();
        var device = JsonNode.Parse(await (await admin.PostAsJsonAsync("api/devices", new { worker = "audit-w", name = "phone" }))
            .EnsureSuccessStatusCode().Content.ReadAsStringAsync())!;
        (await admin.PostAsync($"api/devices/{(int)device["id"]!}/revoke", null)).EnsureSuccessStatusCode();
        (await admin.PostAsync("api/accounts/audit-w/revoke", null)).EnsureSuccessStatusCode();

        var rows = await host.RowsSinceAsync(mark);
        Assert.Equal(["insert account", "insert device", "update device", "update account"], rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal(("admin.audit", "admin", "api"), (r.Actor, r.Role, r.Source)));
        Assert.Equal("POST /api/accounts/{userName}/revoke", rows[3].Request);
        var created = rows[0].After!.ToJsonString();
        Assert.DoesNotContain(await host.ScalarAsync<string>("select password_hash from account where user_name = 'audit-w'"), created);
        Assert.Equal("audit-w", (string?)rows[0].After!["user_name"]);
    }

    [Fact]
    [AuditCovers("POST /api/auth/token")]
    [AuditCovers("POST /api/auth/signin")]
    public async Task A_wrong_password_is_recorded_against_the_account_by_the_name_that_tried()
    {
        using var admin = host.Client("admin.audit2;admin;620102");
        (await admin.PostAsJsonAsync("api/accounts", new { userName = "audit-tried", role = "display", unit = "620102", password = "a-long-password-2" }))
            .EnsureSuccessStatusCode();
        using var anonymous = host.CreateAnonymousClient();

        var mark = await host.MarkAsync();
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await anonymous.PostAsJsonAsync("api/auth/token", new { userName = "audit-tried", password = "wrong-password" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await anonymous.PostAsJsonAsync("api/auth/signin", new { userName = "audit-tried", password = "wrong-again" })).StatusCode);

        var rows = await host.RowsSinceAsync(mark);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(("audit-tried", "sign-in", "update account", "account"), (r.Actor, r.Source, r.Action, r.Table)));
        Assert.Equal((0, 1), ((int)rows[0].Before!["failed_attempts"]!, (int)rows[0].After!["failed_attempts"]!));
    }
}
