using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MapDashboard.Data;
using MapDashboard.Data.Accounts;
using MapDashboard.IntegrationTests.Patrols;
using MapDashboard.Server.Layers;
using MapDashboard.TestSupport;
using MapDashboard.Tools.Bench;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MapDashboard.IntegrationTests.Permissions;

/// <summary>
/// The permission matrix: every endpoint of the application's own route table × anonymous × every role (a real
/// account of each, signed in with a bearer token) × inside / outside the account's jurisdiction where the endpoint
/// concerns a unit, against the hand-written <see cref="PermissionMatrixTable"/>. An endpoint without a sample row
/// fails the test, so one added later must be placed in the table. Every 401 and 403 is checked to have written
/// nothing (incidents, transitions, change log, routes, hazards, boundaries, findings, accounts, devices, pings,
/// settings, the audit trail). The hub's negotiation is a row of its own; what the hub then sends is checked by
/// <see cref="PersonalDataLiveTests"/> and the Auth tests.
/// </summary>
[Collection(PermissionMatrixCollection.Name)]
public class PermissionMatrixTests(PermissionMatrixDistrict district)
{
    readonly PermissionHost _host = district.Host;

    [Fact]
    public async Task Every_endpoint_answers_every_role_inside_and_outside_as_the_table_says_and_a_refusal_writes_nothing()
    {
        var world = await MatrixWorld.ArrangeAsync(_host);
        var samples = world.Samples();

        // Every endpoint of the route table has a sample row, and every row an endpoint.
        var endpoints = RouteTableEndpoints();
        var missing = endpoints.Except(samples.Select(s => s.Endpoint)).ToList();
        Assert.True(missing.Count == 0, "endpoints without a row in the permission matrix (add a sample and its expected need to "
            + $"PermissionMatrixTests.Samples):\n{string.Join("\n", missing)}");
        Assert.Empty(samples.Select(s => s.Endpoint).Distinct().Except(endpoints));

        var failures = new List<string>();
        var cells = 0;
        foreach (var sample in samples)
        {
            var sides = sample.Sided ? new[] { Side.Inside, Side.Outside } : [Side.None];
            var calls = new List<Call> { new(null, sides[0], false) };
            foreach (var role in PermissionMatrixTable.Roles)
                foreach (var side in sides)
                    calls.Add(new Call(role, side, PermissionMatrixTable.Allows(sample.Need, role, side)));
            // Refusals first, while the shared objects are as arranged; then the calls that change state.
            foreach (var call in calls.OrderBy(c => c.Allowed))
            {
                cells++;
                var problem = await RunCellAsync(world, sample, call);
                if (problem is not null) failures.Add($"{sample.Name} as {call.Role ?? "anonymous"}{(call.Side == Side.None ? "" : " " + call.Side.ToString().ToLowerInvariant())}: {problem}");
            }
        }
        foreach (var sample in samples.Where(s => s.Need != Need.Open).GroupBy(s => s.Name))
            if (!world.Succeeded.Contains(sample.Key))
                failures.Add($"{sample.Key}: no allowed call answered 2xx; the sample request is not a valid one");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cells} cells differ from the table:\n{string.Join("\n", failures)}");
        Assert.True(cells > 500, $"only {cells} cells");
    }

    [Fact]
    public async Task The_hub_refuses_anonymous_and_admits_every_role()
    {
        await MatrixWorld.ArrangeAsync(_host);
        using (var anonymous = _host.As(null))
            Assert.Equal(401, (int)(await anonymous.PostAsync("hubs/map/negotiate?negotiateVersion=1", null)).StatusCode);
        foreach (var role in PermissionMatrixTable.Roles)
        {
            using var http = _host.As(MatrixWorld.Account(_host, role));
            var response = await http.PostAsync("hubs/map/negotiate?negotiateVersion=1", null);
            Assert.True(200 == (int)response.StatusCode, $"{role}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    HashSet<string> RouteTableEndpoints() =>
        _host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !(e.RoutePattern.RawText ?? "").StartsWith("/hubs/", StringComparison.Ordinal)) // the hub: its own test above
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } m ? m : ["GET"])
                .Select(method => $"{method} {Pattern(e.RoutePattern.RawText)}"))
            .ToHashSet();

    static string Pattern(string? raw) => raw is null or "/" ? "/" : "/" + raw.Trim('/');

    async Task<string?> RunCellAsync(MatrixWorld world, Sample sample, Call call)
    {
        var expected = call.Role is null ? [sample.Anonymous] : call.Allowed ? sample.Ok : [403];
        var http = Client(call.Role is null ? null
            : call.Role == "worker" && sample.WorkerPerson is { } person ? TestSignIn.As("worker", _host.Inside.Community, person)
            : MatrixWorld.Account(_host, call.Role));
        using var request = await sample.Build(call);
        var refusal = expected is [401] or [403];
        var before = refusal ? await world.StateAsync() : null;
        using var response = await http.SendAsync(request);
        var status = (int)response.StatusCode;
        if (!expected.Contains(status))
            return $"expected {string.Join(" or ", expected)}, got {status}: {Short(await response.Content.ReadAsStringAsync())}";
        if (call.Allowed && call.Role is not null && status is >= 200 and < 300) world.Succeeded.Add(sample.Name);
        if (refusal)
        {
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return $"{status} without problem details";
            var after = await world.StateAsync();
            if (before != after) return $"a refusal wrote something:\n  before {before}\n  after  {after}";
        }
        return null;
    }

    readonly Dictionary<string, HttpClient> _clients = [];

    /// <summary>A client of the account (none: anonymous) that does not follow redirects, so a view's 302 is seen as such.</summary>
    HttpClient Client(Dictionary<string, string>? account)
    {
        var key = account?["Authorization"] ?? "";
        if (_clients.TryGetValue(key, out var http)) return http;
        http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(_host.BaseUrl + "/") };
        foreach (var (name, value) in account ?? []) http.DefaultRequestHeaders.Add(name, value);
        return _clients[key] = http;
    }

    static string Short(string body) => body.Length <= 300 ? body : body[..300] + "…";
}

/// <summary>
/// The objects of the demo district the matrix acts on, on both sides of the accounts' jurisdictions: the inside
/// community (of <see cref="PermissionHost.Inside"/>) and a community of another street (<see cref="PermissionHost.Outside"/>).
/// Each role's account: admin, district, display of the district; street of the inside street; community and planner
/// of the inside community; worker of the inside community, bound to the worker the inside incidents go to (its own
/// incidents are "inside", another worker's "outside"; for pings, the inside grid's grid worker and its own pings).
/// </summary>
sealed class MatrixWorld
{
    static MatrixWorld? _arranged;
    static readonly SemaphoreSlim Once = new(1, 1);

    readonly PermissionHost _host;
    int _serial;

    MatrixWorld(PermissionHost host) => _host = host;

    public HashSet<string> Succeeded { get; } = [];

    PermissionHost.Place In => _host.Inside;
    PermissionHost.Place Out => _host.Outside;
    PermissionHost.Place At(Side side) => side == Side.Outside ? Out : In;

    // Shared objects (refusals act on these; they stay as arranged because a refusal writes nothing).
    readonly Dictionary<Side, string> _incident = [];
    readonly Dictionary<Side, Queue<long>> _findings = [];
    readonly Dictionary<Side, long> _finding = [];
    readonly Dictionary<Side, string> _hazard = [];
    readonly Dictionary<Side, long> _route = [];
    readonly Dictionary<Side, string> _boundary = [];
    readonly Dictionary<Side, Queue<(double Lon, double Lat)>> _points = [];
    string[] _categories = [];
    /// <summary>A co-building unit (共驻共建单位): whom a reassignment sends an incident to in the matrix.</summary>
    string _coBuildingUnit = "";
    /// <summary>A grid's id: the OGC API's feature id of it.</summary>
    long _gridId;
    static string _worker = "";
    double _minAreaM2;
    string _open311Request = "", _open311Token = "";
    string _trackingToken = "", _trackedPhoto = "";
    readonly Dictionary<Side, string> _photo = [];
    int _standingDevice;
    const string StandingAccount = "matrix-standing";
    const string StandingPassword = "matrix-standing-password";

    public static Dictionary<string, string> Account(PermissionHost host, string role) => role switch
    {
        "street" => TestSignIn.As("street", host.Inside.Street),
        "community" or "planner" => TestSignIn.As(role, host.Inside.Community),
        "worker" => TestSignIn.As("worker", host.Inside.Community, _worker),
        _ => TestSignIn.As(role, "620102"),
    };

    static string UserNameOf(PermissionHost host, string role) => role switch
    {
        "street" => $"perm-street-{host.Inside.Street}",
        "community" or "planner" => $"perm-{role}-{host.Inside.Community}",
        "worker" => $"perm-worker-{host.Inside.Community}-{_worker}",
        _ => $"perm-{role}-620102",
    };

    public static async Task<MatrixWorld> ArrangeAsync(PermissionHost host)
    {
        await Once.WaitAsync();
        try { return _arranged is { } w && w._host == host ? w : _arranged = await new MatrixWorld(host).ArrangeCoreAsync(); }
        finally { Once.Release(); }
    }

    async Task<MatrixWorld> ArrangeCoreAsync()
    {
        await using var conn = await _host.Db.OpenConnectionAsync();
        _categories = await conn.ScalarAsync<string[]>(
            "select array_agg(code order by sort_order, code) from category where for_incidents and code <> 'ownership_unclear'");
        _coBuildingUnit = await conn.ScalarAsync<string>("select min(code) from organisation where kind = 'co_building_unit'");
        _gridId = await conn.ScalarAsync<long>($"select id::bigint from territory_unit where code = '{In.Grid}'");
        foreach (var side in new[] { Side.Inside, Side.Outside })
        {
            var place = At(side);
            // Points of the community, 15 m in from its edge, with the worker an incident there goes to (the smallest grid's,
            // else its parent grid's: on the demo a micro grid's party-member volunteer). Inside: only the points of the
            // worker who has most of them, the person of the matrix's worker account.
            var points = new List<(double Lon, double Lat, string Worker)>();
            await using (var cmd = _host.Db.CreateCommand("""
                select ST_X(p.geom), ST_Y(p.geom), w.code
                from territory_unit c
                cross join ST_Dump(ST_GeneratePoints(ST_Buffer(c.boundary, -0.00015), 400, 14)) p
                join territory_unit u on u.id = unit_covering(p.geom)
                left join territory_unit up on up.id = u.parent_id
                join person w on w.id = coalesce(u.grid_worker_id, up.grid_worker_id)
                where c.code = @community and u.kind <> 'community'
                order by p.path
                """))
            {
                cmd.Parameters.AddWithValue("community", place.Community);
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync()) points.Add((reader.GetDouble(0), reader.GetDouble(1), reader.GetString(2)));
            }
            if (side == Side.Inside) _worker = points.GroupBy(p => p.Worker).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
            var usable = points.Where(p => side == Side.Outside || p.Worker == _worker).Select(p => (p.Lon, p.Lat)).ToList();
            Assert.True(usable.Count > 30, $"only {usable.Count} points in community {place.Community}");
            _points[side] = new Queue<(double, double)>(usable);
            _incident[side] = (string)(await FreshIncidentAsync(side, 0))["code"]!;
            _photo[side] = await PhotoAsync(_incident[side]);
            _hazard[side] = await conn.ScalarAsync<string>($"""
                select h.code from hazard h where unit_in_jurisdiction(unit_covering(h.location), '{place.Community}') order by h.code limit 1
                """);
            await PermissionActions.RenewFindingsAsync(conn, side == Side.Inside ? In.Community : In.Street, side == Side.Inside);
            var findings = await conn.ScalarAsync<long[]>($"""
                select coalesce(array_agg(f.id order by f.id), array[]::bigint[]) from finding f
                where f.present and f.status = 'new' and f.case_incident_code is null
                  and {(side == Side.Inside ? "" : "not")} unit_in_jurisdiction(coalesce(f.community_id, f.street_id, f.default_owner_id),
                      '{(side == Side.Inside ? In.Community : In.Street)}')
                """);
            Assert.True(findings.Length >= 2, $"only {findings.Length} new findings {side}");
            _finding[side] = findings[0];
            _findings[side] = new Queue<long>(findings.Skip(1));
            _route[side] = await PermissionActions.SavedRouteAsync(_host, place, $"matrix {side}");
            _boundary[side] = await PermissionActions.BoundaryAsync(_host, place.Grid);
        }

        // Every account exists and has its token before any cell counts rows.
        foreach (var role in PermissionMatrixTable.Roles) Account(_host, role);
        TestSignIn.As("worker", In.Community, In.Worker);
        using var districtHttp = _host.As(PermissionActions.District);
        _minAreaM2 = (double)(await districtHttp.GetFromJsonAsync<JsonObject>("api/findings/settings"))!["minAreaM2"]!;
        var posted = await districtHttp.PostAsync("open311/v2/requests.json", Open311Form(In));
        var answer = JsonNode.Parse(await posted.Content.ReadAsStringAsync())!.AsArray()[0]!;
        Assert.True(posted.IsSuccessStatusCode, answer.ToJsonString());
        (_open311Request, _open311Token) = ((string)answer["service_request_id"]!, (string?)answer["token"] ?? "");
        Assert.NotEqual("", _open311Token);
        (_trackingToken, _trackedPhoto) = await ResidentReportAsync();

        var store = new AccountStore(_host.Db);
        if (await conn.ScalarAsync<int?>($"select id from account where user_name = '{StandingAccount}'") is null)
            await store.CreateAsync(new NewAccount(StandingAccount, StandingAccount, "display", "620102", null, StandingPassword));
        _standingDevice = (await store.CreateDeviceAsync(UserNameOf(_host, "worker"), "matrix standing device", TimeSpan.FromDays(1)))!.Value.DeviceId;
        return this;
    }

    /// <summary>A row of counts and checksums of everything a refused request must leave as it is.</summary>
    public async Task<string> StateAsync()
    {
        await using var conn = await _host.Db.OpenConnectionAsync();
        // change_log: the worker positions are published by a timer after pings accepted earlier, so that layer is left out
        // (a refused ping is checked by patrol_ping).
        return await conn.ScalarAsync<string>("""
            select format('incident %s, incident_transition %s, change_log %s, patrol_route %s/%s, hazard %s/%s, boundaries %s, '
                          'findings %s, accounts %s, devices %s, patrol_ping %s, settings %s, audit %s, incident_photo %s',
                (select count(*) from incident), (select count(*) from incident_transition),
                (select count(*) from change_log where layer <> 'workers'),
                (select count(*) from patrol_route), (select md5(coalesce(string_agg(concat_ws('|', id, name, ST_AsEWKB(path)::text, grid_id, worker_id), ',' order by id), '')) from patrol_route),
                (select count(*) from hazard), (select md5(string_agg(concat_ws('|', status, severity), ',' order by id)) from hazard),
                (select md5(string_agg(ST_AsEWKB(boundary)::text, ',' order by id)) from territory_unit),
                (select md5(string_agg(concat_ws('|', id, status, assignee, case_incident_code), ',' order by id)) from finding),
                (select format('%s/%s', count(*), count(revoked_at)) from account), (select format('%s/%s', count(*), count(revoked_at)) from device),
                (select count(*) from patrol_ping), (select md5(string_agg(t::text, ',')) from finding_setting t),
                (select format('%s/%s', count(*), max(id)) from audit_entry), (select count(*) from incident_photo))
            """);
    }

    // ---------------------------------------------------------------- arranging fresh objects for allowed writes

    /// <summary>
    /// A new incident on the side's grid, reported by the district's duty officer, taken through <paramref name="steps"/>
    /// of dispatch, accept, resolve, rate (5); assigned to that grid's worker.
    /// </summary>
    async Task<JsonNode> FreshIncidentAsync(Side side, int steps)
    {
        using var http = _host.As(PermissionActions.District);
        while (true)
        {
            var (lon, lat) = _points[side].Dequeue();
            var category = _categories[Interlocked.Increment(ref _serial) % _categories.Length];
            var response = await http.PostAsJsonAsync("api/incidents", new { category, lat, lon, description = "permission matrix", contact = "13912345678" });
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
            if ((bool)body["duplicate"]! || side == Side.Inside && (string?)body["incident"]!["worker"]?["code"] != _worker) continue;
            var code = (string)body["incident"]!["code"]!;
            foreach (var step in new[] { "dispatch", "accept", "resolve", "rate" }.Take(steps))
            {
                var stepped = await http.PostAsJsonAsync($"api/incidents/{code}/{step}", new { actor = "matrix desk", rating = step == "rate" ? 5 : (int?)null });
                Assert.True(stepped.IsSuccessStatusCode, $"{step} {code}: {await stepped.Content.ReadAsStringAsync()}");
            }
            return body["incident"]!;
        }
    }

    /// <summary>A photo of the incident's report, added by the district's duty officer; its id.</summary>
    async Task<string> PhotoAsync(string incident)
    {
        using var http = _host.As(PermissionActions.District);
        var response = await http.SendAsync(await PhotoUpload(incident, "report"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return (string)body["photos"]![0]!["id"]!;
    }

    /// <summary>A small PNG for the step's photos of the incident (each allowed call adds one; the step holds six, more than any side's allowed calls).</summary>
    static Task<HttpRequestMessage> PhotoUpload(string incident, string action)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(PhonePhotos.Other(SkiaSharp.SKEncodedImageFormat.Png, 1, 32, 24)), "photo", "photo.png");
        return Task.FromResult(new HttpRequestMessage(HttpMethod.Post, $"api/incidents/{incident}/photos?action={action}") { Content = form });
    }

    async Task<string> IncidentFor(Call call, int steps) =>
        call.Allowed ? (string)(await FreshIncidentAsync(call.Side, steps))["code"]! : _incident[call.Side];

    long FindingFor(Call call) => call.Allowed && _findings[call.Side].TryDequeue(out var fresh) ? fresh : _finding[call.Side];

    async Task<long> RouteToDeleteFor(Call call) =>
        call.Allowed ? await PermissionActions.SavedRouteAsync(_host, At(call.Side), "matrix to delete") : _route[call.Side];

    async Task<string> AccountToRevokeFor(Call call)
    {
        if (!call.Allowed) return StandingAccount;
        var name = $"matrix-revoke-{Interlocked.Increment(ref _serial)}";
        var (id, problem) = await new AccountStore(_host.Db).CreateAsync(new NewAccount(name, name, "display", "620102", null, "matrix-password-1"));
        Assert.True(id is not null, problem);
        return name;
    }

    async Task<int> DeviceToRevokeFor(Call call) => !call.Allowed ? _standingDevice
        : (await new AccountStore(_host.Db).CreateDeviceAsync(UserNameOf(_host, "worker"), $"matrix device {Interlocked.Increment(ref _serial)}", TimeSpan.FromDays(1)))!.Value.DeviceId;

    /// <summary>A district's file of one new hazard (a demo hazard under a fresh code), as the admin import page uploads it.</summary>
    MultipartFormDataContent ImportForm()
    {
        var code = $"HMATRIX{Interlocked.Increment(ref _serial)}";
        var file = DemoSurveyFiles.Write($"matrix-{code}", [DemoSurveyFiles.Hazard(DemoSurveyFiles.Features("hazards.geojson")[0]!, p => { p["隐患编码"] = code; return p; })]);
        return new MultipartFormDataContent { { new ByteArrayContent(File.ReadAllBytes(file)), "file", "hazard.geojson" }, { new StringContent("hazards"), "layer" } };
    }

    /// <summary>An upload of the admin's own to apply (its dry run writes nothing); a refused call names one that is never looked up.</summary>
    async Task<string> ImportUploadFor(Call call)
    {
        if (!call.Allowed) return "0123456789abcdef0123456789abcdef";
        using var admin = _host.As(Account(_host, "admin"));
        var response = await admin.PostAsync("api/admin/import", ImportForm());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return (string)JsonNode.Parse(body)!["id"]!;
    }

    /// <summary>A second credential of the role's account, so signing out does not end the token the matrix reuses.</summary>
    async Task<string?> FreshTokenAsync(string? role)
    {
        if (role is null) return null;
        var id = await _host.ScalarAsync<int>("select id from account where user_name = @u", ("u", UserNameOf(_host, role)));
        return (await new AccountStore(_host.Db).IssueAsync(id, TokenKind.Bearer, TimeSpan.FromHours(1)))!.Value.Token;
    }

    // ---------------------------------------------------------------- request helpers

    static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    static HttpRequestMessage Send(string method, string url, object? body = null) =>
        new(new HttpMethod(method), url) { Content = body is null ? null : JsonContent.Create(body) };

    static HttpRequestMessage SendText(string method, string url, string json) =>
        new(new HttpMethod(method), url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    static Task<HttpRequestMessage> Now(HttpRequestMessage request) => Task.FromResult(request);

    FormUrlEncodedContent Open311Form(PermissionHost.Place place) => new(new Dictionary<string, string>
    {
        ["api_key"] = "mapdashboard-demo-key",
        ["service_code"] = _categories[0],
        ["lat"] = place.Lat.ToString(CultureInfo.InvariantCulture),
        ["long"] = place.Lon.ToString(CultureInfo.InvariantCulture),
        ["description"] = "permission matrix",
    });

    /// <summary>A resident's report with a photo through the resident door (no account); its tracking token and photo.</summary>
    async Task<(string Token, string Photo)> ResidentReportAsync()
    {
        using var resident = new HttpClient { BaseAddress = new Uri(_host.BaseUrl + "/") };
        var posted = await resident.PostAsync("api/report", ResidentForm(withPhoto: true));
        var answer = JsonNode.Parse(await posted.Content.ReadAsStringAsync())!;
        Assert.True(posted.IsSuccessStatusCode, answer.ToJsonString());
        var token = (string)answer["token"]!;
        var tracked = JsonNode.Parse(await resident.GetStringAsync($"api/report/track/{token}"))!;
        return (token, (string)tracked["photos"]![0]!["id"]!);
    }

    /// <summary>A resident's report at the inside place (after the first, each is linked to it as a duplicate).</summary>
    MultipartFormDataContent ResidentForm(bool withPhoto = false)
    {
        var form = new MultipartFormDataContent();
        if (withPhoto) form.Add(new ByteArrayContent(PhonePhotos.Jpeg(7, 64, 48)), "photo", "photo.jpg");
        form.Add(new StringContent(_categories[2]), "category");
        form.Add(new StringContent(In.Lat.ToString(CultureInfo.InvariantCulture)), "lat");
        form.Add(new StringContent(In.Lon.ToString(CultureInfo.InvariantCulture)), "lon");
        form.Add(new StringContent("permission matrix resident"), "description");
        return form;
    }

    (int X, int Y) Tile(int z)
    {
        var n = 1 << z;
        var x = (int)((In.Lon + 180) / 360 * n);
        var latRad = In.Lat * Math.PI / 180;
        var y = (int)((1 - Math.Log(Math.Tan(latRad) + 1 / Math.Cos(latRad)) / Math.PI) / 2 * n);
        return (x, y);
    }

    object PingBody(Side side)
    {
        var place = At(side);
        var n = Interlocked.Increment(ref _serial);
        var (lon, lat) = PingPoster.Offset(place.Lon, place.Lat, n % 7, 0);
        return new { pings = new[] { new { worker = place.Worker, recordedAt = DateTimeOffset.UtcNow.AddSeconds(-30).AddMilliseconds(-n).ToString("O"), lon, lat, accuracy = 5.0 } } };
    }

    // ---------------------------------------------------------------- the sample rows

    static readonly int[] Ok200 = [200], Created = [201], NoContent = [204], Tile200 = [200, 204], Report = [200, 201];

    /// <summary>
    /// One sample per endpoint of the route table (several for the incident and finding steps). Sided: the endpoint
    /// concerns a unit (or, for pings, a worker) and is called with an object inside and one outside the account's jurisdiction.
    /// </summary>
    public List<Sample> Samples()
    {
        var views = File.Exists(Path.Combine(RepositoryPaths.ServerProject, "wwwroot", "index.html")) ? Ok200 : [404];
        var today = DateTime.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (tx, ty) = Tile(14);
        var list = new List<Sample>
        {
            // Open doors.
            new("GET /", "", Need.Open, false, _ => Now(Get("")), [302], 302),
            new("GET /signin", "", Need.Open, false, _ => Now(Get("signin")), views, views[0]),
            new("GET /api/health", "", Need.Open, false, _ => Now(Get("api/health")), Ok200, 200),
            new("POST /api/auth/token", "", Need.Open, false, _ => Now(Send("POST", "api/auth/token", new { userName = StandingAccount, password = StandingPassword })), Ok200, 200),
            new("POST /api/auth/signin", "", Need.Open, false, _ => Now(Send("POST", "api/auth/signin", new { userName = StandingAccount, password = StandingPassword })), Ok200, 200),
            new("GET /open311/v2/services.{format}", "", Need.Open, false, _ => Now(Get("open311/v2/services.json")), Ok200, 200),
            new("GET /open311/v2/services/{code}.{format}", "", Need.Open, false, _ => Now(Get($"open311/v2/services/{_categories[0]}.xml")), Ok200, 200),
            new("GET /open311/v2/requests.{format}", "", Need.Open, false, _ => Now(Get("open311/v2/requests.json")), Ok200, 200),
            new("GET /open311/v2/requests/{id}.{format}", "", Need.Open, false, _ => Now(Get($"open311/v2/requests/{_open311Request}.json")), Ok200, 200),
            new("GET /open311/v2/tokens/{token}.{format}", "", Need.Open, false, _ => Now(Get($"open311/v2/tokens/{_open311Token}.json")), Ok200, 200),
            new("POST /open311/v2/requests.{format}", "", Need.Open, false,
                _ => Now(new HttpRequestMessage(HttpMethod.Post, "open311/v2/requests.json") { Content = Open311Form(In) }), Report, 200),

            // The resident's door: no account, a tracking link (the arranged report is reported, so a rating is refused: 409).
            new("GET /report", "", Need.Open, false, _ => Now(Get("report")), views, views[0]),
            new("HEAD /report", "", Need.Open, false, _ => Now(new(HttpMethod.Head, "report")), views, views[0]),
            new("GET /report/track/{token}", "", Need.Open, false, _ => Now(Get($"report/track/{_trackingToken}")), views, views[0]),
            new("HEAD /report/track/{token}", "", Need.Open, false, _ => Now(new(HttpMethod.Head, $"report/track/{_trackingToken}")), views, views[0]),
            new("GET /api/report/form", "", Need.Open, false, _ => Now(Get("api/report/form")), Ok200, 200),
            new("POST /api/report", "", Need.Open, false, _ => Now(new HttpRequestMessage(HttpMethod.Post, "api/report") { Content = ResidentForm() }), Report, 200),
            new("GET /api/report/track/{token}", "", Need.Open, false, _ => Now(Get($"api/report/track/{_trackingToken}")), Ok200, 200),
            new("POST /api/report/track/{token}/rating", "", Need.Open, false,
                _ => Now(Send("POST", $"api/report/track/{_trackingToken}/rating", new { rating = 5 })), [409], 409),
            new("GET /api/report/track/{token}/photos/{id}", "", Need.Open, false,
                _ => Now(Get($"api/report/track/{_trackingToken}/photos/{_trackedPhoto}")), Ok200, 200),
            new("GET /api/report/track/{token}/photos/{id}/thumbnail", "", Need.Open, false,
                _ => Now(Get($"api/report/track/{_trackingToken}/photos/{_trackedPhoto}/thumbnail")), Ok200, 200),

            // Views: a browser without a session is sent to the sign-in page.
            new("GET /wall", "", Need.Read, false, _ => Now(Get("wall")), views, 302),
            new("GET /lead", "", Need.Read, false, _ => Now(Get("lead")), views, 302),
            new("GET /plan", "", Need.Read, false, _ => Now(Get("plan")), views, 302),
            new("GET /field", "", Need.Read, false, _ => Now(Get("field")), views, 302),
            new("HEAD /signin", "", Need.Open, false, _ => Now(new(HttpMethod.Head, "signin")), views, views[0]),
            new("HEAD /wall", "", Need.Read, false, _ => Now(new(HttpMethod.Head, "wall")), views, 302),
            new("HEAD /lead", "", Need.Read, false, _ => Now(new(HttpMethod.Head, "lead")), views, 302),
            new("HEAD /plan", "", Need.Read, false, _ => Now(new(HttpMethod.Head, "plan")), views, 302),
            new("HEAD /field", "", Need.Read, false, _ => Now(new(HttpMethod.Head, "field")), views, 302),

            // Reads: every signed-in role, inside and outside (outside without personal data: PersonalDataJsonTests).
            new("GET /api/config", "", Need.Read, false, _ => Now(Get("api/config")), Ok200),
            new("GET /api/categories", "", Need.Read, false, _ => Now(Get("api/categories")), Ok200),
            new("GET /api/territory", "", Need.Read, false, _ => Now(Get("api/territory")), Ok200),
            new("GET /api/territory/search", "", Need.Read, false, _ => Now(Get("api/territory/search?q=6201")), Ok200),
            new("GET /api/territory/{code}", "", Need.Read, true, c => Now(Get($"api/territory/{At(c.Side).Grid}")), Ok200),
            new("GET /api/territory/{code}/overview", "", Need.Read, true, c => Now(Get($"api/territory/{At(c.Side).Community}/overview")), Ok200),
            new("GET /api/grids/{code}", "", Need.Read, true, c => Now(Get($"api/grids/{At(c.Side).Grid}")), Ok200),
            new("GET /api/grids/{code}/coverage", "", Need.Read, true, c => Now(Get($"api/grids/{At(c.Side).Grid}/coverage")), Ok200),
            new("GET /api/indicators/{unitCode}", "", Need.Read, true, c => Now(Get($"api/indicators/{At(c.Side).Community}")), Ok200),
            new("GET /api/incidents", "", Need.Read, false, _ => Now(Get($"api/incidents?unit={In.Street}")), Ok200),
            new("GET /api/incidents/feed", "", Need.Read, false, _ => Now(Get("api/incidents/feed?limit=8")), Ok200),
            new("GET /api/wall/focus", "", Need.Read, false, _ => Now(Get("api/wall/focus")), Ok200),
            new("GET /api/incidents/{code}", "", Need.Read, true, c => Now(Get($"api/incidents/{_incident[c.Side]}")), Ok200),
            new("GET /api/findings", "", Need.Read, true, c => Now(Get($"api/findings?unit={At(c.Side).Community}")), Ok200),
            new("GET /api/findings/indicators", "", Need.Read, false, _ => Now(Get("api/findings/indicators")), Ok200),
            new("GET /api/findings/settings", "", Need.Read, false, _ => Now(Get("api/findings/settings")), Ok200),
            new("GET /api/findings/{id:long}", "", Need.Read, true, c => Now(Get($"api/findings/{_finding[c.Side]}")), Ok200),
            new("GET /api/patrols/workers", "", Need.Read, false, _ => Now(Get("api/patrols/workers")), Ok200),
            new("GET /api/patrols/tracks", "", Need.Read, true, c => Now(Get($"api/patrols/tracks?grid={At(c.Side).Grid}")), Ok200),
            new("GET /api/routes", "", Need.Read, false, _ => Now(Get($"api/routes?grid={In.Grid}")), Ok200),
            new("GET /api/routes/{id:long}/comparison", "", Need.Read, true, c => Now(Get($"api/routes/{_route[c.Side]}/comparison?date={today}")), Ok200),
            new("GET /api/live/position", "", Need.Read, false, _ => Now(Get("api/live/position")), Ok200),
            new("GET /api/tasks", "", Need.Read, false, _ => Now(Get("api/tasks")), Ok200),
            new("GET /api/exports/{unitCode}/layers/{layer}.{format}", "", Need.Read, true, c => Now(Get($"api/exports/{At(c.Side).Grid}/layers/workers.geojson")), Ok200),
            new("GET /api/exports/{unitCode}/incidents.csv", "", Need.Read, true, c => Now(Get($"api/exports/{At(c.Side).Community}/incidents.csv")), Ok200),
            new("GET /api/exports/{unitCode}/indicators.csv", "", Need.Read, true, c => Now(Get($"api/exports/{At(c.Side).Community}/indicators.csv")), Ok200),
            new("GET /ogc", "", Need.Read, false, _ => Now(Get("ogc")), Ok200),
            new("GET /ogc/conformance", "", Need.Read, false, _ => Now(Get("ogc/conformance")), Ok200),
            new("GET /ogc/api", "", Need.Read, false, _ => Now(Get("ogc/api")), Ok200),
            new("GET /ogc/collections", "", Need.Read, false, _ => Now(Get("ogc/collections")), Ok200),
            new("GET /ogc/collections/{collectionId}", "", Need.Read, false, _ => Now(Get("ogc/collections/workers")), Ok200),
            new("GET /ogc/collections/{collectionId}/items", "", Need.Read, false, _ => Now(Get("ogc/collections/workers/items")), Ok200),
            new("GET /ogc/collections/{collectionId}/items/{featureId}", "", Need.Read, false, _ => Now(Get($"ogc/collections/grids/items/{_gridId}")), Ok200),
            new("GET /api/auth/me", "", Need.Read, false, _ => Now(Get("api/auth/me")), Ok200),
            new("GET /api/auth/csrf", "", Need.Read, false, _ => Now(Get("api/auth/csrf")), Ok200),
            new("POST /api/auth/signout", "", Need.Session, false, async c =>
            {
                var request = Send("POST", "api/auth/signout");
                if (await FreshTokenAsync(c.Role) is { } token) request.Headers.Authorization = new("Bearer", token);
                return request;
            }, NoContent),

            // Reporting.
            new("POST /api/incidents", "", Need.Report, false,
                _ => Now(Send("POST", "api/incidents", new { category = _categories[1], lat = In.Lat, lon = In.Lon, description = "matrix report" })), Report),

            // Planning tools (write nothing; not judged by unit).
            new("POST /api/routes/analysis", "", Need.Plan, false, _ => Now(Send("POST", "api/routes/analysis", PermissionActions.Route(In, "draft"))), Ok200),
            new("POST /api/grids/{code}/route-suggestion", "", Need.Plan, true, c => Now(Send("POST", $"api/grids/{At(c.Side).Grid}/route-suggestion", new { })), Ok200),

            // Routes.
            new("POST /api/routes", "", Need.EditRoute, true, c => Now(Send("POST", "api/routes", PermissionActions.Route(At(c.Side), "matrix new"))), Created),
            new("PUT /api/routes/{id:long}", "", Need.EditRoute, true,
                c => Now(Send("PUT", $"api/routes/{_route[c.Side]}", PermissionActions.Route(At(c.Side), $"matrix {c.Side}"))), Ok200),
            new("DELETE /api/routes/{id:long}", "", Need.EditRoute, true, async c => Send("DELETE", $"api/routes/{await RouteToDeleteFor(c)}"), NoContent),

            // Hazards, boundaries.
            new("PATCH /api/hazards/{code}", "", Need.EditHazard, true, c => Now(Send("PATCH", $"api/hazards/{_hazard[c.Side]}", new { status = "mitigating" })), Ok200),
            new("PUT /api/territory/{code}/boundary", "", Need.Boundary, true, c => Now(SendText("PUT",
                $"api/territory/{At(c.Side).Grid}/boundary{(c.Allowed ? "?dryRun=true" : "")}", _boundary[c.Side])), Ok200),

            // Findings: the settings, and moving one (a fresh finding for each allowed call while the side has any left).
            new("PUT /api/findings/settings", "", Need.Settings, false, _ => Now(Send("PUT", "api/findings/settings", new { minAreaM2 = _minAreaM2 })), Ok200),
            new("POST /api/findings/recompute", "", Need.Settings, false, _ => Now(Send("POST", "api/findings/recompute")), Ok200),
            new("POST /api/findings/{id:long}/case", "", Need.MoveFinding, true, c => Now(Send("POST", $"api/findings/{FindingFor(c)}/case", new { actor = "matrix" })), [200, 201, 409]),
            new("POST /api/findings/{id:long}/{move}", "assign", Need.MoveFinding, true,
                c => Now(Send("POST", $"api/findings/{FindingFor(c)}/assign", new { assignee = In.Community, actor = "matrix" })), [200, 409]),
            new("POST /api/findings/{id:long}/{move}", "accept", Need.MoveFinding, true,
                c => Now(Send("POST", $"api/findings/{FindingFor(c)}/accept", new { actor = "matrix", note = "accepted by the matrix" })), [200, 409]),
            new("POST /api/findings/{id:long}/{move}", "resolve", Need.MoveFinding, true,
                c => Now(Send("POST", $"api/findings/{FindingFor(c)}/resolve", new { actor = "matrix" })), [200, 409]),

            // Incident steps, each on a fresh incident in the stage before it.
            new("POST /api/incidents/{code}/{action}", "dispatch", Need.Dispatch, true, async c => Send("POST", $"api/incidents/{await IncidentFor(c, 0)}/dispatch", new { actor = "matrix" }), Ok200),
            new("POST /api/incidents/{code}/{action}", "accept", Need.Handle, true, async c => Send("POST", $"api/incidents/{await IncidentFor(c, 1)}/accept", new { actor = "matrix" }), Ok200),
            new("POST /api/incidents/{code}/{action}", "resolve", Need.Handle, true, async c => Send("POST", $"api/incidents/{await IncidentFor(c, 2)}/resolve", new { actor = "matrix" }), Ok200),
            new("POST /api/incidents/{code}/{action}", "rate", Need.Dispatch, true, async c => Send("POST", $"api/incidents/{await IncidentFor(c, 3)}/rate", new { actor = "matrix", rating = 4 }), Ok200),
            new("POST /api/incidents/{code}/{action}", "decline", Need.Handle, true,
                async c => Send("POST", $"api/incidents/{await IncidentFor(c, 1)}/decline", new { actor = "matrix", note = "not my grid" }), Ok200),
            new("POST /api/incidents/{code}/{action}", "close", Need.Dispatch, true, async c => Send("POST", $"api/incidents/{await IncidentFor(c, 4)}/close", new { actor = "matrix" }), Ok200),
            // The dispatch desk: whom to send it to, and its steps beside the loop's (a link concerns both incidents, on one side).
            new("GET /api/incidents/{code}/assignees", "", Need.Dispatch, true, c => Now(Get($"api/incidents/{_incident[c.Side]}/assignees")), Ok200),
            new("POST /api/incidents/{code}/{action}", "reassign", Need.Dispatch, true,
                async c => Send("POST", $"api/incidents/{await IncidentFor(c, 1)}/reassign", new { actor = "matrix", assignee = _coBuildingUnit }), Ok200),
            new("POST /api/incidents/{code}/{action}", "escalate", Need.Dispatch, true, async c => Send("POST", $"api/incidents/{await IncidentFor(c, 0)}/escalate", new { actor = "matrix" }), Ok200),
            new("POST /api/incidents/{code}/{action}", "link", Need.Dispatch, true,
                async c => Send("POST", $"api/incidents/{await IncidentFor(c, 0)}/link", new { actor = "matrix", duplicateOf = _incident[c.Side] }), Ok200),

            // Photos: adding one takes what the step takes (resolve: handle; dispatch: the desk); seeing one, what seeing the
            // incident's personal data takes. The shared incident of each side: five allowed calls at most, within its six.
            new("POST /api/incidents/{code}/photos", "resolve", Need.Handle, true, c => PhotoUpload(_incident[c.Side], "resolve"), Created),
            new("POST /api/incidents/{code}/photos", "dispatch", Need.Dispatch, true, c => PhotoUpload(_incident[c.Side], "dispatch"), Created),
            new("GET /api/photos/{id}", "", Need.SeePhotos, true, c => Now(Get($"api/photos/{_photo[c.Side]}")), Ok200),
            new("GET /api/photos/{id}/thumbnail", "", Need.SeePhotos, true, c => Now(Get($"api/photos/{_photo[c.Side]}/thumbnail")), Ok200),

            // Administration.
            new("GET /api/audit", "", Need.Admin, false, _ => Now(Get("api/audit?limit=5")), Ok200),
            new("GET /api/health/dead-letters", "", Need.Admin, false, _ => Now(Get("api/health/dead-letters")), Ok200),

            // The REST API's description: the document (a program's door: 401) and its reference page (a page: sent to sign in).
            new("GET /openapi/{documentName}.json", "", Need.Read, false, _ => Now(Get("openapi/v1.json")), Ok200),
            // "/api-docs" redirects to "/api-docs/" (the page loads its script relative to it): ask for the page itself.
            new("GET /api-docs/{documentName?}", "", Need.Read, false, _ => Now(Get("api-docs/")), Ok200, 302),
            new("GET /api-docs/scalar.js", "", Need.Open, false, _ => Now(Get("api-docs/scalar.js")), Ok200, 200),
            new("GET /api-docs/scalar.aspnetcore.js", "", Need.Open, false, _ => Now(Get("api-docs/scalar.aspnetcore.js")), Ok200, 200),
            new("GET /api-docs/favicon.svg", "", Need.Open, false, _ => Now(Get("api-docs/favicon.svg")), Ok200, 200),
            new("POST /api/accounts", "", Need.Admin, false, _ => Now(Send("POST", "api/accounts",
                new { userName = $"matrix-new-{Interlocked.Increment(ref _serial)}", role = "display", unit = "620102", password = "matrix-password-1" })), Created),
            new("POST /api/accounts/{userName}/revoke", "", Need.Admin, false, async c => Send("POST", $"api/accounts/{await AccountToRevokeFor(c)}/revoke"), Ok200),
            new("POST /api/devices", "", Need.Admin, false, _ => Now(Send("POST", "api/devices",
                new { worker = UserNameOf(_host, "worker"), name = $"matrix device {Interlocked.Increment(ref _serial)}" })), Created),
            new("POST /api/devices/{id:int}/revoke", "", Need.Admin, false, async c => Send("POST", $"api/devices/{await DeviceToRevokeFor(c)}/revoke"), Ok200),
            new("GET /admin/import", "", Need.Admin, false, _ => Now(Get("admin/import")), views, 302),
            new("HEAD /admin/import", "", Need.Admin, false, _ => Now(new(HttpMethod.Head, "admin/import")), views, 302),
            new("POST /api/admin/import", "", Need.Admin, false, _ => Now(new HttpRequestMessage(HttpMethod.Post, "api/admin/import") { Content = ImportForm() }), Ok200),
            new("POST /api/admin/import/{id}/apply", "", Need.Admin, false, async c => Send("POST", $"api/admin/import/{await ImportUploadFor(c)}/apply"), Ok200),

            // Pings last: an accepted ping moves a worker, which a timer publishes later. Volunteers patrol too (VolunteerPingTests);
            // here the worker account is the inside grid's grid worker: inside = its own pings, outside = another's.
            new("POST /api/patrols/pings", "", Need.Pings, true, c => Now(Send("POST", "api/patrols/pings", PingBody(c.Side))), Ok200) { WorkerPerson = In.Worker },
        };
        // Tiles: every layer needs sign-in on /tiles/{layer}; /tiles/public opens the resident's base layers (written out
        // here by hand, PublicTileTests checks their properties) and no other layer: 404 to everyone there.
        // (Water at z10, where the district's river is sure to be in the tile.)
        string[] publicLayers = ["water", "roads", "buildings"];
        var (wx, wy) = Tile(10);
        foreach (var layer in LayerCatalog.Tiled.Select(l => l.Name))
        {
            list.Add(new("GET /tiles/{layer}/{z}/{x}/{y}.mvt", layer, Need.Read, false, _ => Now(Get($"tiles/{layer}/14/{tx}/{ty}.mvt")), Tile200));
            list.Add(publicLayers.Contains(layer)
                ? new("GET /tiles/public/{layer}/{z}/{x}/{y}.mvt", layer, Need.Open, false,
                    _ => Now(Get(layer == "water" ? $"tiles/public/water/10/{wx}/{wy}.mvt" : $"tiles/public/{layer}/14/{tx}/{ty}.mvt")), Ok200, 200)
                : new("GET /tiles/public/{layer}/{z}/{x}/{y}.mvt", layer, Need.Open, false, _ => Now(Get($"tiles/public/{layer}/14/{tx}/{ty}.mvt")), [404], 404));
        }
        return list;
    }
}
