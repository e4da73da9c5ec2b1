using System.Globalization;
using System.Net;
using System.Text.Json;
using MapDashboard.IntegrationTests.Live;
using MapDashboard.Tools.Bench;

namespace MapDashboard.IntegrationTests.Photos;

/// <summary>
/// Open311's media file part (the GeoReport v2 media extension): the photo passes the same checks and cleaning as any
/// other, commits with the report or not at all, and media_url then points at where it is served.
/// </summary>
[Collection(PhotoCollection.Name)]
public class Open311MediaTests(PhotoHost host)
{
    int _serial;

    async Task<HttpResponseMessage> PostAsync(HttpClient http, params byte[][] media)
    {
        var at = await LiveSql.PointInsideAsync(host.Db, "micro_grid", 30 + Interlocked.Increment(ref _serial));
        var form = PhotoHost.Form("media", media);
        foreach (var (name, value) in new[]
                 {
                     ("api_key", "mapdashboard-demo-key"), ("service_code", "roof_leak"), ("description", "屋顶漏水，见照片"),
                     ("lat", at.Lat.ToString(CultureInfo.InvariantCulture)), ("long", at.Lon.ToString(CultureInfo.InvariantCulture)),
                 })
            form.Add(new StringContent(value), name);
        return await http.PostAsync("open311/v2/requests.json", form);
    }

    [Fact]
    public async Task A_request_with_a_media_photo_stores_it_cleaned_and_answers_where_it_is_served()
    {
        using var app = host.CreateAnonymousClient(); // a residents' app: its API key, no account
        var posted = await PostAsync(app, TestPictures.Phone(11, orientation: 1));
        var body = await posted.Content.ReadAsStringAsync();
        Assert.True(posted.StatusCode == HttpStatusCode.Created, body);
        var answer = JsonDocument.Parse(body).RootElement[0];
        var id = answer.GetProperty("service_request_id").GetString()!;
        var mediaUrl = answer.GetProperty("media_url").GetString()!;
        Assert.Matches($"^{host.BaseUrl}/api/photos/[0-9a-f]{{32}}$", mediaUrl);

        var read = JsonDocument.Parse(await app.GetStringAsync($"open311/v2/requests/{id}.json")).RootElement[0];
        Assert.Equal(mediaUrl, read.GetProperty("media_url").GetString());
        // Stored as the report's photo, from the app's API key.
        Assert.Equal((id, "report", "demo key (Open311:DemoApiKey)"), await RowAsync(mediaUrl[^32..]));

        // The photo itself: served to staff who may see the incident, not to the app without an account; without EXIF.
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetAsync(mediaUrl)).StatusCode);
        using var district = host.CreateRealClient();
        var served = await district.GetByteArrayAsync(mediaUrl);
        Assert.DoesNotContain(JpegSegments.Metadata(served), s => s.IsExif);
    }

    async Task<(string, string, string)> RowAsync(string photo)
    {
        await using var cmd = host.Db.CreateCommand("select i.code, p.action, p.created_by from incident_photo p join incident i on i.id = p.incident_id where p.id = @id");
        cmd.Parameters.AddWithValue("id", photo);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no row for photo {photo}");
        return (reader.GetString(0), reader.GetString(1), reader.GetString(2));
    }

    [Fact]
    public async Task Media_is_refused_by_the_same_rules_in_Open311_s_error_format_and_no_report_is_stored()
    {
        using var app = host.CreateAnonymousClient();
        foreach (var (media, status, mentions) in new (byte[][], HttpStatusCode, string)[]
                 {
                     ([TestPictures.Elf()], HttpStatusCode.UnsupportedMediaType, "'media' file 1 (\"IMG_0001.jpg\"): its bytes are an ELF executable"),
                     ([TestPictures.Padded(11 * 1024 * 1024)], HttpStatusCode.RequestEntityTooLarge, "is 11,534,336 bytes; the limit is 10,485,760 bytes per photo"),
                     ([Array.Empty<byte>()], HttpStatusCode.BadRequest, "'media' file 1 (\"IMG_0001.jpg\") is empty"),
                     ([.. Enumerable.Range(1, 7).Select(i => PhonePhotos.Jpeg(i, 64, 48))], HttpStatusCode.BadRequest, "7 'media' files were sent; at most 6"),
                 })
        {
            var before = await host.StoredAsync();
            var response = await PostAsync(app, media);
            Assert.Equal(status, response.StatusCode);
            var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0];
            Assert.Equal((int)status, error.GetProperty("code").GetInt32());
            Assert.Contains(mentions, error.GetProperty("description").GetString());
            Assert.Equal(before, await host.StoredAsync());
        }
    }
}
