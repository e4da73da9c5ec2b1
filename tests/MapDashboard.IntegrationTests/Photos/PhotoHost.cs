using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapDashboard.Data;
using MapDashboard.Data.Accounts;
using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Photos;

/// <summary>
/// A server of its own for the photo tests (they count photo rows and files), with places to report in: the grid of
/// the test worker account (its incidents are assigned to that worker), and a grid of a community of another street.
/// </summary>
public sealed class PhotoHost : DashboardHost
{
    int _reports;
    string? _worker;

    /// <summary>
    /// A client signed in as a worker account bound to the person the inside incidents go to (the test community's
    /// first grid is covered by micro grids, whose party-member volunteers take its reports), in the test community.
    /// </summary>
    public async Task<HttpClient> WorkerClientAsync()
    {
        if (_worker is null) await ReportAsync(inside: true);
        await Accounts.EnsureAsync("community");
        var userName = $"photo-worker-{_worker}";
        var store = new AccountStore(Db);
        var id = await ScalarAsync<int?>("select id from account where user_name = @u", ("u", userName));
        if (id is null)
        {
            var community = await ScalarAsync<string>("select t.code from account a join territory_unit t on t.id = a.unit_id where a.user_name = 'test-community'");
            (id, var problem) = await store.CreateAsync(new NewAccount(userName, userName, "worker", community, _worker, $"photo-test-{userName}"));
            Assert.True(id is not null, problem);
        }
        return CreateClientWithToken((await store.IssueAsync(id!.Value, TokenKind.Bearer, TimeSpan.FromHours(1)))!.Value.Token);
    }

    /// <summary>Photo rows, files in the folder, incidents and audit rows: what a refusal must leave as they are.</summary>
    public async Task<string> StoredAsync()
    {
        await using var conn = await Db.OpenConnectionAsync();
        var rows = await conn.ScalarAsync<string>(
            "select format('photos %s, incidents %s, audit %s', (select count(*) from incident_photo), (select count(*) from incident), (select count(*) from audit_entry))");
        var files = Directory.EnumerateFiles(PhotoFolder, "*", SearchOption.AllDirectories).Count();
        return $"{rows}, files {files}";
    }

    /// <summary>
    /// A new incident in the grid of the test worker account's person (in the test community, all assigned to one
    /// worker: <see cref="WorkerClientAsync"/>) or, outside, in a grid of a community of another street than the test
    /// accounts'; reported by the district duty officer. Its code.
    /// </summary>
    public async Task<string> ReportAsync(bool inside = true)
    {
        await Accounts.EnsureAsync("worker");
        await Accounts.EnsureAsync("street");
        var worker = await ScalarAsync<string>("select p.code from account a join person p on p.id = a.person_id where a.user_name = 'test-worker'");
        var street = await ScalarAsync<string>("select t.code from account a join territory_unit t on t.id = a.unit_id where a.user_name = 'test-street'");
        var points = new List<(double Lon, double Lat)>();
        await using (var cmd = Db.CreateCommand("""
            select ST_X(p.geom), ST_Y(p.geom) from territory_unit g
            cross join ST_Dump(ST_GeneratePoints(ST_Buffer(g.boundary, -0.0001), 60, 7)) p
            where g.id = case when @inside
                then (select g2.id from territory_unit g2 join person w on w.id = g2.grid_worker_id where w.code = @worker order by g2.code limit 1)
                else (select g3.id from territory_unit g3 join territory_unit c on c.id = g3.parent_id join territory_unit s on s.id = c.parent_id
                      where g3.kind = 'community_grid' and s.kind = 'street' and s.code <> @street order by g3.code limit 1) end
            order by p.path
            """))
        {
            cmd.Parameters.AddWithValue("inside", inside);
            cmd.Parameters.AddWithValue("worker", worker);
            cmd.Parameters.AddWithValue("street", street);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) points.Add((reader.GetDouble(0), reader.GetDouble(1)));
        }
        using var http = CreateRealClient();
        var categories = await ScalarAsync<string[]>("select array_agg(code order by code) from category where for_incidents and code <> 'ownership_unclear'");
        var seen = new List<string>();
        foreach (var (lon, lat) in points)
        {
            var n = Interlocked.Increment(ref _reports);
            var response = await http.PostAsJsonAsync("api/incidents", new { category = categories[n % categories.Length], lat, lon, description = "photo test" });
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
            if ((bool)body["duplicate"]!) continue;
            seen.Add((string?)body["incident"]!["worker"]?["code"] ?? "none");
            if (inside && seen[^1] != (_worker ??= seen[^1])) continue; // another micro grid's volunteer took it
            return (string)body["incident"]!["code"]!;
        }
        throw new InvalidOperationException($"none of {points.Count} points of the grid gave a new incident for worker {_worker}: {string.Join(",", seen)}");
    }

    /// <summary>A multipart form of files in the part <paramref name="part"/>, each with a file name and a declared type that prove nothing.</summary>
    public static MultipartFormDataContent Form(string part, params byte[][] files)
    {
        var form = new MultipartFormDataContent();
        for (var i = 0; i < files.Length; i++)
        {
            var file = new ByteArrayContent(files[i]);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, part, $"IMG_{i + 1:0000}.jpg");
        }
        return form;
    }

    public static Task<HttpResponseMessage> UploadAsync(HttpClient http, string incident, string action, params byte[][] files) =>
        http.PostAsync($"api/incidents/{incident}/photos?action={action}", Form("photo", files));
}

[CollectionDefinition(Name)]
public sealed class PhotoCollection : ICollectionFixture<PhotoHost>
{
    public const string Name = "photos";
}
