using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapDashboard.IntegrationTests.Photos;

namespace MapDashboard.IntegrationTests.Background;

/// <summary>
/// The housekeeping chores, running in the server: kept idempotency answers older than Idempotency:KeepHours (48) go
/// and younger ones stay; photo files no row holds go after an hour, the photos of live incidents and young files stay;
/// a failing run stops neither the server nor the chore.
/// </summary>
public sealed class HousekeepingChoreTests(ChoresHost host) : IClassFixture<ChoresHost>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    const string KeysSql = "select coalesce(string_agg(key, ',' order by key), '') from idempotent_request where key like @prefix";

    /// <summary>Kept answers and claims of the default test account at the given ages, keyed PREFIX-NAME.</summary>
    async Task<string> KeysAsync(string prefix)
    {
        await host.AccessTokenAsync();
        await host.ScalarAsync<int>("""
            insert into idempotent_request (account_id, key, request, status, content_type, body, claimed_at, answered_at)
            select a.id, @prefix || k.name, 'POST /api/incidents', k.status, 'application/json', '{}'::bytea,
                   now() - k.age, case when k.status is null then null else now() - k.age end
            from account a, (values ('answered-49h', 201, interval '49 hours'), ('answered-47h', 201, interval '47 hours'),
                                    ('claim-49h', null, interval '49 hours'), ('answered-now', 200, interval '0 hours')) k(name, status, age)
            where a.user_name = 'test-district';
            select 1
            """, ("prefix", prefix));
        return await host.ScalarAsync<string>(KeysSql, ("prefix", prefix + "%"));
    }

    [Fact]
    public async Task Idempotency_answers_older_than_the_kept_hours_go_and_younger_ones_stay()
    {
        var prefix = $"prune-{Guid.NewGuid():N}-";
        Assert.Equal($"{prefix}answered-47h,{prefix}answered-49h,{prefix}answered-now,{prefix}claim-49h", await KeysAsync(prefix));

        await WaitForAsync("the old keys pruned", async () => !(await host.ScalarAsync<string>(KeysSql, ("prefix", prefix + "%"))).Contains("49h"));

        Assert.Equal($"{prefix}answered-47h,{prefix}answered-now", await host.ScalarAsync<string>(KeysSql, ("prefix", prefix + "%")));
        Assert.Equal("ok", (string?)(await ChoreAsync("Idempotency key pruning"))["status"]);
    }

    [Fact]
    public async Task A_failing_pruning_run_stops_neither_the_server_nor_the_chore()
    {
        await host.ScalarAsync<int>("""
            create function test_refuse_prune() returns trigger language plpgsql as $$
            begin raise exception 'pruning refused for the test'; end $$;
            create trigger test_refuse_prune before delete on idempotent_request for each row execute function test_refuse_prune();
            select 1
            """);
        var prefix = $"fail-{Guid.NewGuid():N}-";
        try
        {
            await KeysAsync(prefix);
            await WaitForAsync("the pruning run to fail", async () =>
                (await ChoreAsync("Idempotency key pruning"))["lastError"]?.ToString().Contains("pruning refused for the test") == true);
            Assert.Contains("49h", await host.ScalarAsync<string>(KeysSql, ("prefix", prefix + "%")));
            Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync("/api/territory")).StatusCode);
        }
        finally
        {
            await host.ScalarAsync<int>("drop trigger test_refuse_prune on idempotent_request; drop function test_refuse_prune(); select 1");
        }
        await WaitForAsync("the chore to prune again", async () => !(await host.ScalarAsync<string>(KeysSql, ("prefix", prefix + "%"))).Contains("49h"));
    }

    [Fact]
    public async Task Photo_files_no_row_holds_go_after_an_hour_and_the_others_stay()
    {
        // A photo of a live incident, written two hours ago: its row holds it.
        using var http = host.CreateRealClient();
        var (lon, lat) = (await host.ScalarAsync<double>("select ST_X(ST_PointOnSurface(boundary)) from territory_unit where kind = 'community_grid' order by code limit 1"),
            await host.ScalarAsync<double>("select ST_Y(ST_PointOnSurface(boundary)) from territory_unit where kind = 'community_grid' order by code limit 1"));
        var category = await host.ScalarAsync<string>("select code from category where for_incidents and code <> 'ownership_unclear' order by code limit 1");
        var reported = JsonNode.Parse(await (await http.PostAsJsonAsync("api/incidents", new { category, lat, lon, description = "sweep test" })).Content.ReadAsStringAsync())!;
        var code = (string)reported["incident"]!["code"]!;
        var uploaded = await PhotoHost.UploadAsync(http, code, "report", TestPictures.Png());
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var kept = Directory.EnumerateFiles(host.PhotoFolder, "*", SearchOption.AllDirectories).ToList();
        Assert.Equal(2, kept.Count); // the picture and its thumbnail

        // Orphans: a deleted incident's photo and a crashed upload's files, two hours old; a young orphan (an upload under way).
        string Orphan(string name, TimeSpan age)
        {
            var path = Path.Combine(host.PhotoFolder, name[..2], name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, TestPictures.Png());
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow - age);
            return path;
        }
        var old = new[]
        {
            Orphan("0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a.jpg", TimeSpan.FromHours(2)),
            Orphan("0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a.thumb.jpg", TimeSpan.FromHours(2)),
            Orphan("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b.png.1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c.tmp", TimeSpan.FromHours(2)),
        };
        var young = Orphan("0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c.jpg", TimeSpan.FromMinutes(50));
        var notOurs = Orphan("README.txt", TimeSpan.FromDays(3));
        foreach (var file in kept) File.SetLastWriteTimeUtc(file, DateTime.UtcNow - TimeSpan.FromHours(2));

        await WaitForAsync("the old orphans swept", () => Task.FromResult(old.All(f => !File.Exists(f))));

        Assert.All(kept, f => Assert.True(File.Exists(f), $"{f} of a live photo was swept"));
        Assert.True(File.Exists(young), "a file younger than an hour was swept");
        Assert.True(File.Exists(notOurs), "a file not named by a photo id was swept");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"api/photos/{Path.GetFileName(kept[0]).Split('.')[0]}")).StatusCode);
        Assert.Equal("ok", (string?)(await ChoreAsync("Photo folder sweep"))["status"]);
    }

    async Task<JsonObject> ChoreAsync(string name)
    {
        var health = (await host.CreateClient().GetFromJsonAsync<JsonObject>("/api/health"))!;
        return health["background"]!.AsArray().Select(s => s!.AsObject()).Single(s => (string?)s["name"] == name);
    }

    static async Task WaitForAsync(string what, Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"waited {Patience.TotalSeconds} s for {what}");
            await Task.Delay(200);
        }
    }
}
