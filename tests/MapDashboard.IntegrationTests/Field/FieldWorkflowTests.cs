using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MapDashboard.Data.Accounts;
using MapDashboard.IntegrationTests.Api;
using MapDashboard.IntegrationTests.Photos;

namespace MapDashboard.IntegrationTests.Field;

/// <summary>
/// What the field page needs of the server: its task list, declining a task, idempotent resends of a step and of a
/// photo (a phone resending after a lost answer), and volunteers' pings.
/// </summary>
[Collection(PhotoCollection.Name)]
public class FieldWorkflowTests(PhotoHost host)
{
    async Task<string> DispatchedTaskAsync()
    {
        var code = await host.ReportAsync(inside: true);
        using var desk = host.CreateRealClient();
        var dispatched = await desk.PostAsJsonAsync($"api/incidents/{code}/dispatch", new { actor = "desk" });
        Assert.True(dispatched.IsSuccessStatusCode, await dispatched.Content.ReadAsStringAsync());
        return code;
    }

    static HttpRequestMessage Keyed(HttpMethod method, string url, HttpContent content, string key)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    static HttpRequestMessage Step(string code, string action, string key) =>
        Keyed(HttpMethod.Post, $"api/incidents/{code}/{action}", JsonContent.Create(new { actor = "field", note = "fixed" }), key);

    static HttpRequestMessage Photo(string code, string key) =>
        Keyed(HttpMethod.Post, $"api/incidents/{code}/photos?action=resolve", PhotoHost.Form("photo", TestPictures.Png()), key);

    Task<long> CountAsync(string sql, string code) => host.ScalarAsync<long>(sql, ("code", code));

    const string Resolutions = "select count(*) from incident_transition t join incident i on i.id = t.incident_id where i.code = @code and t.to_stage = 'resolved'";
    const string ResolvePhotos = "select count(*) from incident_photo p join incident i on i.id = p.incident_id where i.code = @code and p.action = 'resolve'";

    [Fact]
    public async Task The_same_key_sent_twice_resolves_once_and_stores_one_photo_and_answers_the_same()
    {
        var code = await DispatchedTaskAsync();
        using var worker = await host.WorkerClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsJsonAsync($"api/incidents/{code}/accept", new { actor = "field" })).StatusCode);
        var photoKey = $"photo-{code}-{Guid.NewGuid():N}";
        var resolveKey = $"resolve-{code}-{Guid.NewGuid():N}";

        var firstPhoto = await worker.SendAsync(Photo(code, photoKey));
        var againPhoto = await worker.SendAsync(Photo(code, photoKey));
        Assert.Equal(HttpStatusCode.Created, firstPhoto.StatusCode);
        Assert.Equal(HttpStatusCode.Created, againPhoto.StatusCode);
        Assert.True(againPhoto.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(await firstPhoto.Content.ReadAsStringAsync(), await againPhoto.Content.ReadAsStringAsync());
        Assert.Equal(1, await CountAsync(ResolvePhotos, code));

        var first = await worker.SendAsync(Step(code, "resolve", resolveKey));
        var again = await worker.SendAsync(Step(code, "resolve", resolveKey));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // not 409 "cannot resolve an incident that is resolved"
        Assert.Equal("resolved", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stage").GetString());
        Assert.Equal(1, await CountAsync(Resolutions, code));

        // The key belongs to its first request: on another it is refused, and nothing is written.
        var reused = await worker.SendAsync(Step(code, "accept", resolveKey));
        await ProblemAssert.IsProblem(reused, HttpStatusCode.UnprocessableEntity, $"was used for POST /api/incidents/{code}/resolve");
        var badKey = await worker.SendAsync(Step(code, "resolve", "no spaces allowed"));
        await ProblemAssert.IsProblem(badKey, HttpStatusCode.BadRequest, "Idempotency-Key must be");
    }

    [Fact]
    public async Task Another_accounts_same_key_is_its_own_and_a_refused_request_keeps_no_key()
    {
        var code = await DispatchedTaskAsync();
        var key = $"shared-{Guid.NewGuid():N}";
        using var worker = await host.WorkerClientAsync();
        using var community = host.CreateClientAs("community");
        Assert.Equal(HttpStatusCode.Created, (await worker.SendAsync(Photo(code, key))).StatusCode);
        var theirs = await community.SendAsync(Photo(code, key));
        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.False(theirs.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, await CountAsync(ResolvePhotos, code));

        // Resolving before accepting is refused (409); the key is not kept, so after accepting the same key resolves.
        var stepKey = $"early-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Conflict, (await worker.SendAsync(Step(code, "resolve", stepKey))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsJsonAsync($"api/incidents/{code}/accept", new { actor = "field" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.SendAsync(Step(code, "resolve", stepKey))).StatusCode);
        Assert.Equal(1, await CountAsync(Resolutions, code));
    }

    [Fact]
    public async Task A_worker_declines_a_dispatched_task_with_a_reason_and_it_returns_to_the_dispatchers_queue()
    {
        var code = await DispatchedTaskAsync();
        using var worker = await host.WorkerClientAsync();
        var tasks = await worker.GetFromJsonAsync<JsonElement>("api/tasks");
        Assert.Contains(tasks.EnumerateArray(), t => t.GetProperty("code").GetString() == code && t.GetProperty("stage").GetString() == "dispatched");

        await ProblemAssert.IsProblem(await worker.PostAsJsonAsync($"api/incidents/{code}/decline", new { actor = "field" }),
            HttpStatusCode.BadRequest, "decline needs a note");
        var declined = await worker.PostAsJsonAsync($"api/incidents/{code}/decline", new { actor = "field", note = "设备不足，需要专业维修" });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var detail = await declined.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("reported", detail.GetProperty("stage").GetString());
        var last = detail.GetProperty("history").EnumerateArray().Last(h => h.GetProperty("kind").GetString() == "transition");
        Assert.Equal(("dispatched", "reported", "设备不足，需要专业维修"),
            (last.GetProperty("from").GetString(), last.GetProperty("to").GetString(), last.GetProperty("note").GetString()));
        Assert.DoesNotContain((await worker.GetFromJsonAsync<JsonElement>("api/tasks")).EnumerateArray(), t => t.GetProperty("code").GetString() == code);

        // Back in the queue: the desk dispatches it again; an accepted task can no longer be declined.
        using var desk = host.CreateRealClient();
        Assert.Equal(HttpStatusCode.OK, (await desk.PostAsJsonAsync($"api/incidents/{code}/dispatch", new { actor = "desk" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsJsonAsync($"api/incidents/{code}/accept", new { actor = "field" })).StatusCode);
        await ProblemAssert.IsProblem(await worker.PostAsJsonAsync($"api/incidents/{code}/decline", new { actor = "field", note = "late" }),
            HttpStatusCode.Conflict, "cannot decline an incident that is accepted: decline needs it to be dispatched");
        // Someone else's task cannot be declined by a worker.
        var elsewhere = await host.ReportAsync(inside: false);
        Assert.Equal(HttpStatusCode.OK, (await desk.PostAsJsonAsync($"api/incidents/{elsewhere}/dispatch", new { actor = "desk" })).StatusCode);
        await ProblemAssert.IsProblem(await worker.PostAsJsonAsync($"api/incidents/{elsewhere}/decline", new { actor = "field", note = "not mine" }),
            HttpStatusCode.Forbidden, "is not assigned to the worker");
    }

    [Fact]
    public async Task A_party_member_volunteer_posts_their_own_pings_and_a_resent_batch_is_stored_once()
    {
        var volunteer = await host.ScalarAsync<string>("select code from person where role = 'volunteer' and unit_id is not null order by code limit 1");
        var (lon, lat) = (await host.ScalarAsync<double>("""
                select ST_X(ST_PointOnSurface(g.boundary)) from territory_unit g join person p on p.unit_id = g.id where p.code = @v
                """, ("v", volunteer)),
            await host.ScalarAsync<double>("""
                select ST_Y(ST_PointOnSurface(g.boundary)) from territory_unit g join person p on p.unit_id = g.id where p.code = @v
                """, ("v", volunteer)));
        var store = new AccountStore(host.Db);
        await host.Accounts.EnsureAsync("community");
        var community = await host.ScalarAsync<string>("select t.code from account a join territory_unit t on t.id = a.unit_id where a.user_name = 'test-community'");
        var userName = $"volunteer-{volunteer}";
        var (id, problem) = await store.CreateAsync(new NewAccount(userName, userName, "worker", community, volunteer, "volunteer-test-password"));
        Assert.True(id is not null, problem);
        using var http = host.CreateClientWithToken((await store.IssueAsync(id!.Value, TokenKind.Bearer, TimeSpan.FromHours(1)))!.Value.Token);

        var now = DateTimeOffset.UtcNow.AddSeconds(-30);
        var batch = new { pings = Enumerable.Range(0, 3).Select(i => new { worker = volunteer, recordedAt = now.AddSeconds(i * 10), lon = lon + i * 0.00005, lat, accuracy = 8 }) };
        var first = await http.PostAsJsonAsync("api/patrols/pings", batch);
        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        Assert.Equal(3, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stored").GetInt32());
        var again = await (await http.PostAsJsonAsync("api/patrols/pings", batch)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 3), (again.GetProperty("stored").GetInt32(), again.GetProperty("duplicates").GetInt32()));
        Assert.Equal(3, await host.ScalarAsync<long>(
            "select count(*) from patrol_ping k join person p on p.id = k.worker_id where p.code = @v", ("v", volunteer)));
    }
}
