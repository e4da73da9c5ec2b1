using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using MapDashboard.Data;
using MapDashboard.IntegrationTests.Api;
using MapDashboard.IntegrationTests.Live;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MapDashboard.IntegrationTests.Doors;

/// <summary>Issue 17's door defects, each reproduced as the tester found it: a 4xx naming the field, and nothing written.</summary>
[Collection(DoorCollection.Name)]
public class DoorDefectTests(DoorHost host)
{
    readonly HttpClient _http = host.CreateRealClient();

    static StringContent Json(string body, string type = "application/json") => new(body, Encoding.UTF8, type);

    static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    async Task<(string Worker, string Grid, double Lon, double Lat)> WorkerAsync()
    {
        await using var cmd = host.Db.CreateCommand("""
            select p.code, g.code, ST_X(ST_PointOnSurface(g.boundary)), ST_Y(ST_PointOnSurface(g.boundary))
            from person p join territory_unit g on g.grid_worker_id = p.id where p.role = 'grid_worker' order by p.code limit 1
            """);
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        return (r.GetString(0), r.GetString(1), r.GetDouble(2), r.GetDouble(3));
    }

    /// <summary>Sends the request, asserts the 4xx problem naming <paramref name="mentions"/>, and that no table changed.</summary>
    async Task RefusedAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode status, string mentions)
    {
        var before = await host.RowCountsAsync();
        await ProblemAssert.IsProblem(await send(), status, mentions);
        Assert.Equal("", DoorHost.Changed(before, await host.RowCountsAsync()));
    }

    /// <summary>The same for an Open311 endpoint: the spec's error array [{code, description}].</summary>
    async Task<JsonElement> Open311RefusedAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode status, string mentions)
    {
        var before = await host.RowCountsAsync();
        var response = await send();
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = Assert.Single(JsonDocument.Parse(body).RootElement.EnumerateArray());
        Assert.Equal((int)status, error.GetProperty("code").GetInt32());
        Assert.Contains(mentions, error.GetProperty("description").GetString());
        Assert.Equal("", DoorHost.Changed(before, await host.RowCountsAsync()));
        return error;
    }

    async Task<string> IncidentAsync()
    {
        var at = await LiveSql.PointInsideAsync(host.Db, "micro_grid", 3);
        var response = await _http.PostAsJsonAsync("api/incidents", new { category = "roof_leak", lat = at.Lat, lon = at.Lon, description = "leak" });
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("incident").GetProperty("code").GetString()!;
    }

    static string Ping(string worker, string recordedAt, double lon, double lat) =>
        $$"""{"pings":[{"worker":"{{worker}}","recordedAt":"{{recordedAt}}","lon":{{lon.ToString(CultureInfo.InvariantCulture)}},"lat":{{lat.ToString(CultureInfo.InvariantCulture)}},"accuracy":5}]}""";

    // 1. Times outside the sane window.
    [Theory]
    [InlineData("0001-01-01T00:00:00+00:00")]
    [InlineData("1900-01-01T00:00:00+08:00")]
    [InlineData("1970-01-01T00:00:00Z")]
    public async Task Defect1_a_ping_dated_before_2000_is_refused_naming_recordedAt(string recordedAt)
    {
        var (worker, _, lon, lat) = await WorkerAsync();
        await RefusedAsync(() => _http.PostAsync("api/patrols/pings", Json(Ping(worker, recordedAt, lon, lat))),
            HttpStatusCode.UnprocessableEntity, "recordedAt");
    }

    [Theory]
    [InlineData("0001-01-01", "is before 2000-01-01")]
    [InlineData("9999-12-31", "is more than 366 days ahead")]
    public async Task Defect1_a_route_planned_for_year_1_or_9999_and_date_filters_out_of_the_window_are_refused(string day, string why)
    {
        var (_, _, lon, lat) = await WorkerAsync();
        var route = $$"""{"name":"r","path":{"type":"LineString","coordinates":[[{{lon}},{{lat}}],[{{lon + 0.001}},{{lat}}]]},"plannedFor":"{{day}}"}""";
        await RefusedAsync(() => _http.PostAsync("api/routes", Json(route)), HttpStatusCode.BadRequest, $"plannedFor {day} {why}");
        await RefusedAsync(() => _http.GetAsync($"api/routes?date={day}"), HttpStatusCode.BadRequest, $"date {day} {why}");
        await RefusedAsync(() => _http.GetAsync($"api/patrols/tracks?date={day}"), HttpStatusCode.BadRequest, $"date {day} {why}");
    }

    [Theory]
    [InlineData("end_date=0001-01-01T00:00:00Z", "end_date")]
    [InlineData("start_date=1900-01-01T00:00:00Z", "start_date")]
    [InlineData("end_date=9999-12-31T00:00:00Z", "end_date")]
    public async Task Defect1_and_5_Open311_dates_outside_the_window_are_an_Open311_400_not_a_500(string query, string field)
    {
        await Open311RefusedAsync(() => _http.GetAsync($"open311/v2/requests.json?{query}"), HttpStatusCode.BadRequest, field);
    }

    // 2. Control characters, and an XML feed that never 500s.
    [Theory]
    [InlineData("\u0001")]
    [InlineData("\u0007")]
    [InlineData("\ud800")]
    public async Task Defect2_control_characters_and_lone_surrogates_are_refused_in_descriptions_and_notes(string bad)
    {
        var at = await LiveSql.PointInsideAsync(host.Db, "micro_grid", 4);
        var report = $$"""{"category":"roof_leak","lat":{{at.Lat}},"lon":{{at.Lon}},"description":"leak {{JsonEscaped(bad)}} here"}""";
        var response = await _http.PostAsync("api/incidents", Json(report));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(bad == "\ud800" ? "surrogate" : "description", await response.Content.ReadAsStringAsync());

        var code = await IncidentAsync();
        await RefusedAsync(() => _http.PostAsync($"api/incidents/{code}/dispatch", Json($$"""{"actor":"d","note":"go {{JsonEscaped(bad)}}"}""")),
            HttpStatusCode.BadRequest, bad == "\ud800" ? "surrogate" : "note");
        await Open311RefusedAsync(() => _http.PostAsync("open311/v2/requests.json", Form(("api_key", Open311Key), ("service_code", "roof_leak"),
            ("lat", at.Lat.ToString(CultureInfo.InvariantCulture)), ("long", at.Lon.ToString(CultureInfo.InvariantCulture)), ("description", "a" + bad))),
            HttpStatusCode.BadRequest, bad == "\ud800" ? "description" : "description holds");
    }

    [Fact]
    public async Task Defect2_a_control_character_already_stored_does_not_break_the_Open311_xml_feed()
    {
        var code = await IncidentAsync();
        await using (var cmd = host.Db.CreateCommand("update incident set description = 'bell \u0007 and \u0001 here' where code = @c"))
        {
            cmd.Parameters.AddWithValue("c", code);
            await cmd.ExecuteNonQueryAsync();
        }
        var response = await _http.GetAsync("open311/v2/requests.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(xml.Root!.Elements("request"), r => r.Element("description")?.Value == "bell  and  here");
    }

    // 3. NUL everywhere, and the pool it used to poison.
    [Fact]
    public async Task Defect3_NUL_is_refused_in_bodies_query_values_Open311_fields_and_workflow_steps()
    {
        var at = await LiveSql.PointInsideAsync(host.Db, "micro_grid", 5);
        var code = await IncidentAsync();
        await RefusedAsync(() => _http.PostAsync("api/incidents", Json($$"""{"category":"roof_leak","lat":{{at.Lat}},"lon":{{at.Lon}},"description":"a\u0000b"}""")),
            HttpStatusCode.BadRequest, "description holds the control character U+0000");
        await RefusedAsync(() => _http.GetAsync("api/territory/search?q=a%00b"), HttpStatusCode.BadRequest, "q holds the control character U+0000");
        // Kestrel itself refuses a NUL in the path (a bare 400 before any middleware); any other control character is the door's.
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.GetAsync("api/incidents/I%00")).StatusCode);
        await RefusedAsync(() => _http.GetAsync("api/incidents/I%07"), HttpStatusCode.BadRequest, "code holds the control character U+0007");
        await RefusedAsync(() => _http.PostAsync($"api/incidents/{code}/accept", Json("""{"actor":"a\u0000"}""")), HttpStatusCode.BadRequest, "actor");
        await RefusedAsync(() => _http.PostAsync("api/findings/1/assign", Json("""{"assignee":"x\u0000"}""")), HttpStatusCode.BadRequest, "assignee");
        // ASP.NET's form reader refuses a NUL itself (an Open311 400 "the form cannot be read"); other controls are the door's.
        await Open311RefusedAsync(() => _http.PostAsync("open311/v2/requests.json", Form(("api_key", Open311Key), ("service_code", "roof\0leak"))),
            HttpStatusCode.BadRequest, "the form cannot be read");
        await Open311RefusedAsync(() => _http.PostAsync("open311/v2/requests.json", Form(("api_key", Open311Key), ("service_code", "roof\u001bleak"))),
            HttpStatusCode.BadRequest, "service_code holds the control character U+001B");
        for (var i = 0; i < 8; i++) (await _http.GetAsync("api/territory/search?q=62")).EnsureSuccessStatusCode();
    }

    /// <summary>
    /// The root cause, on the server's own pool: a statement whose first Bind failed (NUL in a text parameter) while
    /// Npgsql was auto-preparing it stayed marked prepared without its row description, and its next use on that
    /// connection failed with "Received unexpected backend message DataRow". The failure is provoked at every usage
    /// count (auto-preparation began at the fifth), each time followed by the same statement on the same pool.
    /// </summary>
    [Fact]
    public async Task Defect3_after_PostgreSQL_refuses_a_NUL_the_next_use_of_the_same_statement_on_the_same_pool_succeeds()
    {
        var db = host.Services.GetRequiredService<NpgsqlDataSource>();
        await using var single = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(ConnectionSettings.ForDashboard(host.ConnectionString)) { MaxPoolSize = 1 }.ConnectionString);
        foreach (var pool in new[] { single, db })
            for (var usesBefore = 0; usesBefore < 8; usesBefore++)
            {
                var sql = $"select code from territory_unit where name <> @t and {usesBefore} = {usesBefore} order by code limit 3";
                for (var i = 0; i < usesBefore; i++) Assert.Equal(3, await RowsAsync(pool, sql, "x"));
                var refused = await Assert.ThrowsAsync<PostgresException>(() => RowsAsync(pool, sql, "a\0b"));
                Assert.Equal("22021", refused.SqlState);
                for (var i = 0; i < 12; i++) Assert.Equal(3, await RowsAsync(pool, sql, "y"));
            }
        (await _http.GetAsync("api/territory")).EnsureSuccessStatusCode();
    }

    static async Task<int> RowsAsync(NpgsqlDataSource pool, string sql, string text)
    {
        await using var conn = await pool.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue("t", text);
        await using var reader = await cmd.ExecuteReaderAsync();
        var n = 0;
        while (await reader.ReadAsync()) n++;
        return n;
    }

    // 4. Body size, streamed.
    [Fact]
    public async Task Defect4_eight_concurrent_29_MB_ping_bodies_are_413_while_streaming_and_memory_stays_bounded()
    {
        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        const long size = 29L * 1024 * 1024;
        // Four declare their length (refused before a byte is read; Expect: 100-continue lets the client hear it before
        // sending), four stream chunked (refused when the limit is crossed: the server may close the connection
        // under a client still sending, so those may end in an exception instead of an answer).
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            using var http = host.CreateRealClient();
            var content = new StreamContent(new JunkJsonStream(size));
            content.Headers.ContentType = new("application/json");
            if (i % 2 == 0) content.Headers.ContentLength = size;
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/patrols/pings") { Content = content };
            request.Headers.ExpectContinue = i % 2 == 0;
            try { return (Declared: i % 2 == 0, Response: (HttpResponseMessage?)await http.SendAsync(request)); }
            catch (HttpRequestException) when (i % 2 == 1) { return (Declared: false, Response: null); }
        }));
        var grown = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Assert.Equal(4, answers.Count(a => a.Declared && a.Response is not null));
        foreach (var a in answers.Where(a => a.Response is not null))
            await ProblemAssert.IsProblem(a.Response!, HttpStatusCode.RequestEntityTooLarge, "limit of 2,097,152 bytes");
        // Before: each body was parsed whole (1.9 → 4.0 GB for eight). Now at most the 2 MB limit each is read.
        Assert.True(grown < 200L * 1024 * 1024, $"the eight refused bodies allocated {grown / 1024 / 1024} MB");
        (await _http.GetAsync("api/health")).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Defect4_bodies_over_each_endpoint_s_limit_are_413_and_Open311_forms_over_its_limits_are_400_or_413()
    {
        var big = new string('a', 3 * 1024 * 1024);
        // Expect: 100-continue, as a well-behaved client uploading a large body sends it: the refusal comes before the upload.
        Task<HttpResponseMessage> Send(HttpMethod method, string url, HttpContent content)
        {
            var request = new HttpRequestMessage(method, url) { Content = content };
            request.Headers.ExpectContinue = true;
            return _http.SendAsync(request);
        }
        await RefusedAsync(() => Send(HttpMethod.Put, "api/territory/620102001001-01/boundary", Json($$"""{"type":"Polygon","x":"{{big}}"}""")),
            HttpStatusCode.RequestEntityTooLarge, "limit of 2,097,152 bytes");
        await RefusedAsync(() => Send(HttpMethod.Post, "api/incidents", Json($$"""{"description":"{{big[..300_000]}}"}""")),
            HttpStatusCode.RequestEntityTooLarge, "limit of 262,144 bytes");
        await Open311RefusedAsync(() => Send(HttpMethod.Post, "open311/v2/requests.json", Form(("api_key", Open311Key), ("description", new string('a', 4 * 1024 * 1024)))),
            HttpStatusCode.RequestEntityTooLarge, "limit of 65,536 bytes");
        await Open311RefusedAsync(() => _http.PostAsync("open311/v2/requests.json", Form([.. Enumerable.Range(0, 1025).Select(i => ($"f{i}", "1"))])),
            HttpStatusCode.BadRequest, "Form value count limit 64 exceeded");
    }

    // 5. Other 500s and wrong acceptances.
    [Theory]
    [InlineData("""{"minAreaM2":"NaN"}""", "minAreaM2")]
    [InlineData("""{"minWidthM":"NaN"}""", "minWidthM")]
    [InlineData("""{"minWidthM":1e308}""", "minWidthM 1E+308 is out of range")]
    [InlineData("""{"minAreaM2":-1}""", "minAreaM2 -1 is out of range")]
    [InlineData("""{}""", "send at least one of")]
    public async Task Defect5_finding_settings_must_be_finite_in_range_and_not_empty(string body, string mentions)
    {
        await RefusedAsync(() => _http.PutAsync("api/findings/settings", Json(body)), HttpStatusCode.BadRequest, mentions);
    }

    [Theory]
    [InlineData("""{"type":"Polygon","coordinates":[[[103.82,36.04,5],[103.83,36.04,5],[103.83,36.05,5],[103.82,36.04,5]]]}""", "boundaries are 2D")]
    [InlineData("""{"type":"polygon","coordinates":[[[103.82,36.04],[103.83,36.04],[103.83,36.05],[103.82,36.04]]]}""", "case-sensitive")]
    [InlineData("""{"type":"Polygon","coordinates":[[["103.82","36.04"],["103.83","36.04"],["103.83","36.05"],["103.82","36.04"]]]}""", "must be two finite numbers")]
    [InlineData("""{"type":"Polygon","coordinates":[[[103.82,36.04],[103.820000001,36.04],[103.820000001,36.040000001],[103.82,36.04]]]}""", "less than 1 m²")]
    [InlineData("""{"type":"Polygon","coordinates":[[[-180,-90],[180,-90],[180,90],[-180,90],[-180,-90]]]}""", "more than a degree beyond the parent")]
    [InlineData("""{"type":"Polygon","coordinates":[[[103.82,36.04],[1e400,36.04],[103.83,36.05],[103.82,36.04]]]}""", "must be two finite numbers")]
    public async Task Defect5_a_boundary_must_be_exact_2D_GeoJSON_of_real_size_and_the_message_never_shows_a_negative_area(string body, string mentions)
    {
        var response = await _http.PutAsync("api/territory/620102001001-01/boundary", Json(body));
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
        Assert.DoesNotMatch(@"-[0-9][0-9,.]* m²", detail);
        await RefusedAsync(() => _http.PutAsync("api/territory/620102001001-01/boundary", Json(body)), HttpStatusCode.BadRequest, mentions);
    }

    [Fact]
    public async Task Defect5_a_boundary_over_the_vertex_limit_is_refused_and_float_noise_at_the_parent_s_edge_is_not()
    {
        var ring = Enumerable.Range(0, 25_000).Select(i => (103.82 + 0.005 * Math.Cos(i * 2 * Math.PI / 25_000), 36.04 + 0.005 * Math.Sin(i * 2 * Math.PI / 25_000))).ToList();
        ring.Add(ring[0]);
        var many = "{\"type\":\"Polygon\",\"coordinates\":[[" + string.Join(",", ring.Select(p => $"[{p.Item1:F6},{p.Item2:F6}]")) + "]]}";
        await RefusedAsync(() => _http.PutAsync("api/territory/620102001001-01/boundary", Json(many)), HttpStatusCode.BadRequest, "more than 20,000 vertices");

        // The grid's own boundary nudged 1 µm outwards (a snapping editor's float noise) at its parent's edge.
        var noisy = await host.ScalarAsync<string>("""
            select ST_AsGeoJSON(ST_Translate(boundary, 0.00000001, 0.00000001), 15) from territory_unit where code = '620102001001-01'
            """);
        var response = await _http.PutAsync("api/territory/620102001001-01/boundary?dryRun=true", Json(noisy));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Defect5_boundary_and_pings_check_their_content_type_like_every_other_endpoint()
    {
        await RefusedAsync(() => _http.PutAsync("api/territory/620102001001-01/boundary", Json("""{"type":"Polygon"}""", "text/plain")),
            HttpStatusCode.UnsupportedMediaType, "send application/json");
        await RefusedAsync(() => _http.PostAsync("api/patrols/pings", Json("""{"pings":[]}""", "application/xml")),
            HttpStatusCode.UnsupportedMediaType, "send application/json");
        await RefusedAsync(() => _http.PostAsync("api/incidents", Json("""{}""", "text/csv")), HttpStatusCode.UnsupportedMediaType, "text/csv");
        await Open311RefusedAsync(() => _http.PostAsync("open311/v2/requests.json", Json("""{}""")), HttpStatusCode.UnsupportedMediaType, "x-www-form-urlencoded");
    }

    [Fact]
    public async Task Defect5_text_fields_have_maximum_lengths_counted_as_users_see_characters()
    {
        var code = await IncidentAsync();
        await RefusedAsync(() => _http.PostAsync("api/findings/1/assign", Json($$"""{"assignee":"{{new string('x', 101)}}"}""")),
            HttpStatusCode.BadRequest, "assignee has 101 characters; at most 100");
        await RefusedAsync(() => _http.PostAsync($"api/incidents/{code}/dispatch", Json($$"""{"actor":"{{new string('x', 101)}}"}""")),
            HttpStatusCode.BadRequest, "actor has 101 characters; at most 100");
        await RefusedAsync(() => _http.PostAsync($"api/incidents/{code}/dispatch", Json($$"""{"actor":"a","note":"{{new string('x', 2001)}}"}""")),
            HttpStatusCode.BadRequest, "note has 2001 characters; at most 2000");
        await Open311RefusedAsync(() => _http.PostAsync("open311/v2/requests.json", Form(("api_key", Open311Key), ("account_id", new string('x', 101)))),
            HttpStatusCode.BadRequest, "account_id has 101 characters; at most 100");
        // 100 thumbs-up with a skin tone: 400 UTF-16 units, 100 characters.
        var thumbs = string.Concat(Enumerable.Repeat("\U0001F44D\U0001F3FD", 100));
        var response = await _http.PostAsync($"api/incidents/{code}/dispatch", Json(JsonSerializer.Serialize(new { actor = thumbs })));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Defect5_Open311_descriptions_take_the_spec_s_4000_characters_and_no_more()
    {
        var at = await LiveSql.PointInsideAsync(host.Db, "micro_grid", 6);
        (string, string)[] Fields(int n) => [("api_key", Open311Key), ("service_code", "low_cable"), ("lat", at.Lat.ToString(CultureInfo.InvariantCulture)),
            ("long", at.Lon.ToString(CultureInfo.InvariantCulture)), ("description", new string('线', n))];
        await Open311RefusedAsync(() => _http.PostAsync("open311/v2/requests.json", Form(Fields(4001))), HttpStatusCode.BadRequest, "description has 4001 characters; at most 4000");
        Assert.Equal(HttpStatusCode.Created, (await _http.PostAsync("open311/v2/requests.json", Form(Fields(4000)))).StatusCode);
    }

    [Fact]
    public async Task Defect5_REST_reports_cannot_use_the_internal_category_and_a_route_suggestion_must_start_in_the_district()
    {
        var (_, grid, _, _) = await WorkerAsync();
        var at = await LiveSql.PointInsideAsync(host.Db, "micro_grid", 7);
        await RefusedAsync(() => _http.PostAsync("api/incidents", Json($$"""{"category":"ownership_unclear","lat":{{at.Lat}},"lon":{{at.Lon}}}""")),
            HttpStatusCode.BadRequest, "opened from a finding");
        await RefusedAsync(() => _http.PostAsync($"api/grids/{grid}/route-suggestion", Json("""{"start":[0,0]}""")),
            HttpStatusCode.BadRequest, "start [0, 0] is outside the district");
        await RefusedAsync(() => _http.PostAsync("api/incidents", Json($$"""{"category":"roof_leak","lat":1e308,"lon":{{at.Lon}}}""")),
            HttpStatusCode.BadRequest, "is not a position on Earth");
        await RefusedAsync(() => _http.PostAsync("api/incidents", Json($$"""{"category":"roof_leak","lat":"36.05","lon":{{at.Lon}}}""")),
            HttpStatusCode.BadRequest, "$.lat");
    }

    const string Open311Key = "mapdashboard-demo-key";

    /// <summary>A JSON escape of each UTF-16 unit, so a lone surrogate or a control character travels as the JSON text "\uXXXX".</summary>
    static string JsonEscaped(string s) => string.Concat(s.Select(c => $"\\u{(int)c:x4}"));

    /// <summary>{"pings":[ … ]} padded with whitespace to a given length, produced as it is sent (the client holds no copy).</summary>
    sealed class JunkJsonStream(long length) : Stream
    {
        long _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++) buffer[offset + i] = _position + i == 0 ? (byte)'[' : (byte)' ';
            _position += n;
            return n;
        }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
