using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MapDashboard.IntegrationTests.Audit;
using MapDashboard.IntegrationTests.Photos;
using MapDashboard.Tools.Bench;

namespace MapDashboard.IntegrationTests.Report;

/// <summary>
/// The resident's door (/api/report): a report with photos and no account, its tracking link (stored only hashed),
/// what the link shows and what it refuses, the rating through the workflow's own rules (reopen at most twice), each
/// refusal worded for the resident with nothing stored, and every write audited as the resident door.
/// </summary>
[Collection(PhotoCollection.Name)]
public class ResidentReportTests(PhotoHost host)
{
    static int _point;

    /// <summary>A fresh point inside a grid (one per report: no report is linked to another as a duplicate).</summary>
    async Task<(double Lon, double Lat)> PointAsync()
    {
        var n = Interlocked.Increment(ref _point);
        return await host.ScalarAsync<double[]>("""
            select array[ST_X(p), ST_Y(p)] from (
                select ST_PointOnSurface(boundary) p from territory_unit where kind = 'micro_grid' order by code offset @n limit 1) u
            """, ("n", 40 + n)) is [var lon, var lat] ? (lon, lat) : throw new InvalidOperationException("no micro grid");
    }

    static MultipartFormDataContent Form(string? category, double? lon, double? lat, string? description, params byte[][] photos)
    {
        var form = PhotoHost.Form("photo", photos);
        void Add(string name, string? value) { if (value is not null) form.Add(new StringContent(value), name); }
        Add("category", category);
        Add("lat", lat?.ToString(CultureInfo.InvariantCulture));
        Add("lon", lon?.ToString(CultureInfo.InvariantCulture));
        Add("description", description);
        return form;
    }

    async Task<JsonNode> ReportAsync(HttpClient resident, params byte[][] photos)
    {
        var (lon, lat) = await PointAsync();
        var response = await resident.PostAsync("api/report", Form("roof_leak", lon, lat, "楼道顶上漏水，已经好几天了", photos));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonNode.Parse(body)!;
    }

    /// <summary>Everything a refused request must leave as it is: the rows of every table the door writes, the audit trail, the photo files.</summary>
    async Task<string> StoredAsync() => await host.StoredAsync() + ", " + await host.ScalarAsync<string>(
        "select format('transitions %s, tracking %s, stages %s', (select count(*) from incident_transition), (select count(*) from incident_tracking), " +
        "(select md5(string_agg(concat_ws('|', code, stage, rating), ',' order by id)) from incident))");

    async Task StepAsync(string code, params string[] steps)
    {
        using var desk = host.CreateRealClient();
        foreach (var step in steps)
        {
            var response = await desk.PostAsJsonAsync($"api/incidents/{code}/{step}", new { actor = "desk" });
            Assert.True(response.IsSuccessStatusCode, $"{step} {code}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    static async Task<(HttpStatusCode Status, string? Reason, string Detail)> RefusalAsync(HttpResponseMessage response, string? name = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True("application/problem+json" == response.Content.Headers.ContentType?.MediaType, $"{name} {response.StatusCode} {text}");
        var problem = JsonNode.Parse(text)!;
        return (response.StatusCode, (string?)problem["reason"], (string)problem["detail"]!);
    }

    [Fact]
    [AuditCovers("POST /api/report")]
    public async Task A_report_with_photos_gives_a_tracking_link_stored_only_hashed_and_audited_as_the_resident()
    {
        using var resident = host.CreateAnonymousClient();
        var answer = await ReportAsync(resident, TestPictures.Phone(21), TestPictures.Phone(22));
        var (code, token) = ((string)answer["code"]!, (string)answer["token"]!);
        Assert.Equal($"/report/track/{token}", (string)answer["trackingUrl"]!);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", token); // 256 random bits, base64url

        // Only the SHA-256 is stored; the token's text is nowhere in the table nor in the audit trail.
        Assert.Equal(code, await host.ScalarAsync<string>(
            "select i.code from incident_tracking t join incident i on i.id = t.incident_id where t.token_sha256 = @h", ("h", SHA256.HashData(Encoding.UTF8.GetBytes(token)))));
        Assert.Equal(0L, await host.ScalarAsync<long>(
            "select (select count(*) from incident_tracking where encode(token_sha256, 'escape') like '%' || @t || '%') + (select count(*) from audit_entry where coalesce(after::text, '') like '%' || @t || '%')", ("t", token)));

        // The incident came through the common intake: source resident, first history entry by the resident door, photos with it.
        Assert.Equal("resident|resident|2", await host.ScalarAsync<string>("""
            select concat_ws('|', i.source, (select actor from incident_transition where incident_id = i.id order by id limit 1),
                             (select count(*) from incident_photo where incident_id = i.id and action = 'report' and created_by = 'resident'))
            from incident i where code = @c
            """, ("c", code)));
        // Audited as the resident door, not as an account: every row the report wrote.
        Assert.Equal("resident/resident/", await host.ScalarAsync<string>("""
            select string_agg(distinct concat_ws('/', actor, source, coalesce(actor_role, '')), ',') from audit_entry
            where action in ('insert incident', 'insert incident_photo', 'insert incident_tracking', 'insert incident_transition')
              and txid = (select txid from audit_entry where action = 'insert incident' and target_key = @c)
            """, ("c", code)));
        Assert.Equal(4L + 1, await host.ScalarAsync<long>("""
            select count(*) from audit_entry where txid = (select txid from audit_entry where action = 'insert incident' and target_key = @c)
              and action in ('insert incident', 'insert incident_photo', 'insert incident_tracking', 'insert incident_transition')
            """, ("c", code)));

        // What the link shows: the stage, the category, the words, the photos; nothing about staff.
        var tracked = JsonNode.Parse(await resident.GetStringAsync($"api/report/track/{token}"))!;
        Assert.Equal(("reported", "roof_leak", "楼道顶上漏水，已经好几天了", 2), ((string)tracked["stage"]!, (string)tracked["category"]!["code"]!,
            (string)tracked["description"]!, tracked["photos"]!.AsArray().Count));
        Assert.DoesNotContain("actor", tracked.ToJsonString());
        Assert.DoesNotContain("worker", tracked.ToJsonString());
        Assert.Equal("reported", (string)tracked["history"]![0]!["event"]!);

        // The photos: to the link's holder, cleaned; not to anyone without an account, not through another incident's link.
        var photo = (string)tracked["photos"]![0]!["id"]!;
        var picture = await resident.GetAsync($"api/report/track/{token}/photos/{photo}");
        Assert.Equal((HttpStatusCode.OK, "image/jpeg"), (picture.StatusCode, picture.Content.Headers.ContentType?.MediaType));
        Assert.DoesNotContain(JpegSegments.Metadata(await picture.Content.ReadAsByteArrayAsync()), s => s.IsExif);
        Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync($"api/report/track/{token}/photos/{photo}/thumbnail")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await resident.GetAsync($"api/photos/{photo}")).StatusCode);
        var other = (string)(await ReportAsync(resident))["token"]!;
        var foreign = await resident.GetAsync($"api/report/track/{other}/photos/{photo}");
        Assert.Equal((HttpStatusCode.NotFound, "not_found"), (foreign.StatusCode, (await RefusalAsync(foreign)).Reason));
    }

    [Fact]
    public async Task Every_bad_report_is_refused_in_the_resident_s_language_and_nothing_is_stored()
    {
        using var resident = host.CreateAnonymousClient();
        var (lon, lat) = await PointAsync();
        var cases = new (string Name, Func<MultipartFormDataContent> Form, HttpStatusCode Status, string Reason, string Chinese)[]
        {
            ("outside the district", () => Form("roof_leak", 116.40, 39.90, "北京"), HttpStatusCode.BadRequest, "outside_district", "不在本区范围内"),
            ("no location", () => Form("roof_leak", null, null, "没有位置"), HttpStatusCode.BadRequest, "no_location", "点选问题位置"),
            ("unknown category", () => Form("no_such_category", lon, lat, "类别不对"), HttpStatusCode.BadRequest, "unknown_category", "问题类别"),
            ("internal category", () => Form("ownership_unclear", lon, lat, "内部类别"), HttpStatusCode.BadRequest, "unknown_category", "问题类别"),
            ("empty description", () => Form("roof_leak", lon, lat, "   "), HttpStatusCode.BadRequest, "empty_description", "请描述"),
            ("description too long", () => Form("roof_leak", lon, lat, new string('漏', 4001)), HttpStatusCode.BadRequest, "description_too_long", "4000"),
            ("control character", () => Form("roof_leak", lon, lat, "漏水\u0007"), HttpStatusCode.BadRequest, "bad_text", "无法识别"),
            ("renamed executable", () => Form("roof_leak", lon, lat, "照片", TestPictures.Elf()), HttpStatusCode.UnsupportedMediaType, "bad_photo", "JPEG、PNG 或 WebP"),
            ("11 MB photo", () => Form("roof_leak", lon, lat, "照片", TestPictures.Padded(11 * 1024 * 1024)), HttpStatusCode.RequestEntityTooLarge, "bad_photo", "10 MB"),
            ("empty photo", () => Form("roof_leak", lon, lat, "照片", Array.Empty<byte>()), HttpStatusCode.BadRequest, "bad_photo", "空文件"),
            ("7 photos", () => Form("roof_leak", lon, lat, "照片", [.. Enumerable.Range(1, 7).Select(i => PhonePhotos.Jpeg(i, 64, 48))]),
                HttpStatusCode.BadRequest, "bad_photo", "最多上传 6 张"),
            ("a good photo beside a bad one", () => Form("roof_leak", lon, lat, "照片", TestPictures.Phone(3), TestPictures.Exe()),
                HttpStatusCode.UnsupportedMediaType, "bad_photo", "JPEG、PNG 或 WebP"),
        };
        foreach (var c in cases)
        {
            var before = await StoredAsync();
            var (status, reason, detail) = await RefusalAsync(await resident.PostAsync("api/report", c.Form()), c.Name);
            Assert.True((c.Status, c.Reason) == (status, reason), $"{c.Name}: {status} {reason} {detail}");
            Assert.Contains(c.Chinese, detail);
            Assert.Equal(before, await StoredAsync());
        }

        // The English switch: the same refusal in English.
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/report") { Content = Form("roof_leak", lon, lat, " ") };
        request.Headers.AcceptLanguage.ParseAdd("en");
        Assert.Equal((HttpStatusCode.BadRequest, "empty_description", "Please describe the problem"), await RefusalAsync(await resident.SendAsync(request)));
    }

    [Fact]
    public async Task A_wrong_token_finds_nothing_and_says_nothing()
    {
        using var resident = host.CreateAnonymousClient();
        var photo = (string)JsonNode.Parse(await resident.GetStringAsync($"api/report/track/{(string)(await ReportAsync(resident, TestPictures.Phone(5)))["token"]!}"))!["photos"]![0]!["id"]!;
        var wrong = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var before = await StoredAsync();
        foreach (var response in new[]
                 {
                     await resident.GetAsync($"api/report/track/{wrong}"),
                     await resident.PostAsJsonAsync($"api/report/track/{wrong}/rating", new { rating = 5 }),
                     await resident.GetAsync($"api/report/track/{wrong}/photos/{photo}"),
                 })
        {
            var (status, reason, detail) = await RefusalAsync(response);
            Assert.Equal((HttpStatusCode.NotFound, "not_found"), (status, reason));
            Assert.Equal("没有找到这个上报记录，请检查链接是否完整", detail);
        }
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    [AuditCovers("POST /api/report/track/{token}/rating")]
    public async Task Rating_before_resolution_and_rating_twice_are_refused_and_a_good_rating_closes_the_loop()
    {
        using var resident = host.CreateAnonymousClient();
        var answer = await ReportAsync(resident);
        var (code, token) = ((string)answer["code"]!, (string)answer["token"]!);
        var rating = $"api/report/track/{token}/rating";

        var before = await StoredAsync();
        Assert.Equal((HttpStatusCode.Conflict, "not_resolved", "问题办结后才能评价"), await RefusalAsync(await resident.PostAsJsonAsync(rating, new { rating = 5 })));
        Assert.Equal((HttpStatusCode.BadRequest, "bad_rating", "请选择 1 到 5 颗星"), await RefusalAsync(await resident.PostAsJsonAsync(rating, new { rating = 6 })));
        Assert.Equal(before, await StoredAsync());

        await StepAsync(code, "dispatch", "accept", "resolve");
        Assert.True((bool)JsonNode.Parse(await resident.GetStringAsync($"api/report/track/{token}"))!["canRate"]!);
        var rated = await resident.PostAsJsonAsync(rating, new { rating = 5, comment = "修得很快，谢谢" });
        Assert.Equal("closed", (string)JsonNode.Parse(await rated.Content.ReadAsStringAsync())!["stage"]!);

        var tracked = JsonNode.Parse(await resident.GetStringAsync($"api/report/track/{token}"))!;
        Assert.Equal(("closed", 5, false), ((string)tracked["stage"]!, (int)tracked["rating"]!, (bool)tracked["canRate"]!));
        Assert.Equal(["rated", "closed_by_resident_rating"], tracked["history"]!.AsArray().TakeLast(2).Select(h => (string)h!["event"]!));
        // The rating and the close are the resident's, in the history and the audit trail.
        Assert.Equal("resident:修得很快，谢谢|resident:", await host.ScalarAsync<string>("""
            select string_agg(actor || ':' || note, '|' order by id) from incident_transition
            where incident_id = (select id from incident where code = @c) and to_stage in ('rated', 'closed')
            """, ("c", code)));
        Assert.Equal("resident/resident/", await host.ScalarAsync<string>("""
            select string_agg(distinct concat_ws('/', actor, source, coalesce(actor_role, '')), ',') from audit_entry
            where target_table = 'incident' and target_key = @c and after ->> 'stage' in ('rated', 'closed')
            """, ("c", code)));

        before = await StoredAsync();
        Assert.Equal((HttpStatusCode.Conflict, "already_rated", "您已评价过，不能重复评价"), await RefusalAsync(await resident.PostAsJsonAsync(rating, new { rating = 1 })));
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task A_low_rating_reopens_at_most_twice_then_the_rating_closes_it()
    {
        using var resident = host.CreateAnonymousClient();
        var answer = await ReportAsync(resident);
        var (code, token) = ((string)answer["code"]!, (string)answer["token"]!);
        var rating = $"api/report/track/{token}/rating";
        await StepAsync(code, "dispatch");
        foreach (var (stars, stage, reopened) in new[] { (1, "dispatched", true), (2, "dispatched", true), (1, "closed", false) })
        {
            await StepAsync(code, "accept", "resolve");
            var response = await resident.PostAsJsonAsync(rating, new { rating = stars, comment = "还是漏" });
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
            Assert.Equal((stage, reopened), ((string)body["stage"]!, (bool)body["reopened"]!));
        }
        Assert.Equal(2L, await host.ScalarAsync<long>("""
            select count(*) from incident_transition where incident_id = (select id from incident where code = @c)
              and event = 'rated' and (params ->> 'reopened')::boolean
            """, ("c", code)));
    }

    [Fact]
    public async Task The_form_needs_no_account_and_offers_the_resident_s_categories_and_the_district_s_outline()
    {
        using var resident = host.CreateAnonymousClient();
        var form = JsonNode.Parse(await resident.GetStringAsync("api/report/form"))!;
        var categories = form["categories"]!.AsArray().Select(c => (string)c!["code"]!).ToList();
        Assert.Contains("roof_leak", categories);
        Assert.DoesNotContain("ownership_unclear", categories);
        Assert.Contains((string)form["outline"]!["type"]!, new[] { "Polygon", "MultiPolygon" });
        Assert.Equal("Asia/Shanghai", (string)form["timeZone"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await resident.GetAsync("api/config")).StatusCode); // the form is all the page gets
    }

    [Fact]
    public async Task A_report_sent_with_a_staff_credential_is_still_the_resident_door_s_in_the_trail()
    {
        using var staff = host.CreateRealClient(); // the page sends none; a hand-made call with one changes nothing
        var (lon, lat) = await PointAsync();
        var response = await staff.PostAsync("api/report", Form("roof_leak", lon, lat, "值班员代居民上报"));
        var code = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]!;
        Assert.Equal("resident/resident/", await host.ScalarAsync<string>("""
            select string_agg(distinct concat_ws('/', actor, source, coalesce(actor_role, '')), ',') from audit_entry
            where txid = (select txid from audit_entry where action = 'insert incident' and target_key = @c)
            """, ("c", code)));
    }
}
