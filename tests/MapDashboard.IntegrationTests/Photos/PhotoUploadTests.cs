using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MapDashboard.IntegrationTests.Api;
using MapDashboard.IntegrationTests.Audit;
using MapDashboard.Tools.Bench;
using SkiaSharp;

namespace MapDashboard.IntegrationTests.Photos;

/// <summary>
/// POST /api/incidents/{code}/photos through real HTTP on a real PostGIS: what is accepted (JPEG, PNG, WebP by their
/// bytes), what is refused (renamed executables, 11 MB, empty, a seventh photo, a decompression bomb), each refusal a
/// problem naming the file, and nothing stored on any refusal (rows, files, audit).
/// </summary>
[Collection(PhotoCollection.Name)]
public class PhotoUploadTests(PhotoHost host)
{
    readonly HttpClient _http = host.CreateRealClient();

    async Task Refused(Func<Task<HttpResponseMessage>> upload, HttpStatusCode status, params string[] mentions)
    {
        var before = await host.StoredAsync();
        var response = await upload();
        foreach (var mention in mentions) await ProblemAssert.IsProblem(response, status, mention);
        Assert.Equal(before, await host.StoredAsync());
    }

    [Fact]
    [AuditCovers("POST /api/incidents/{code}/photos")]
    public async Task A_phone_photo_is_stored_cleaned_listed_with_the_incident_and_audited()
    {
        var code = await host.ReportAsync();
        var mark = await host.ScalarAsync<long>("select coalesce(max(id), 0) from audit_entry");

        var response = await PhotoHost.UploadAsync(_http, code, "report", TestPictures.Phone(1));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var photo = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("photos")[0];
        var id = photo.GetProperty("id").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal(("image/jpeg", 800, 600), (photo.GetProperty("contentType").GetString(), photo.GetProperty("width").GetInt32(), photo.GetProperty("height").GetInt32()));

        // The incident lists it, with where to fetch it and its step, and nothing about who sent it.
        var detail = await _http.GetFromJsonAsync<JsonElement>($"api/incidents/{code}");
        var listed = Assert.Single(detail.GetProperty("photos").EnumerateArray());
        Assert.Equal(["action", "contentType", "createdAt", "height", "id", "thumbnailUrl", "url", "width"], listed.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal((id, "report", $"/api/photos/{id}", $"/api/photos/{id}/thumbnail"), (listed.GetProperty("id").GetString(),
            listed.GetProperty("action").GetString(), listed.GetProperty("url").GetString(), listed.GetProperty("thumbnailUrl").GetString()));

        // One audit row for the photo row, by the account, for the endpoint, in the incident's grid.
        await using var cmd = host.Db.CreateCommand("""
            select a.actor, a.request, a.target_key, a.unit_code = (select g.code from incident i join territory_unit g on g.id = i.grid_id where i.code = @code)
            from audit_entry a where a.id > @mark and a.target_table = 'incident_photo'
            """);
        cmd.Parameters.AddWithValue("mark", mark);
        cmd.Parameters.AddWithValue("code", code);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(("test-district", "POST /api/incidents/{code}/photos", id, true), (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3)));
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task A_photo_with_GPS_EXIF_comes_back_without_any_metadata_turned_upright()
    {
        var sent = TestPictures.Phone(5, orientation: 6); // stored 800×600 sideways: shown 600×800, the red corner top right
        Assert.Contains(JpegSegments.Metadata(sent), s => s.IsExif);
        Assert.Equal(6, JpegSegments.Orientation(sent));
        var code = await host.ReportAsync();
        var id = (await (await PhotoHost.UploadAsync(_http, code, "report", sent)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("photos")[0].GetProperty("id").GetString()!;

        foreach (var (path, width, height) in new[] { ($"api/photos/{id}", 600, 800), ($"api/photos/{id}/thumbnail", 240, 320) })
        {
            var response = await _http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal((true, TimeSpan.FromHours(1)), (response.Headers.CacheControl!.Private, response.Headers.CacheControl.MaxAge));
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            var served = await response.Content.ReadAsByteArrayAsync();

            var metadata = JpegSegments.Metadata(served);
            Assert.DoesNotContain(metadata, s => s.IsExif || s.IsXmp || s.IsComment);
            Assert.Null(JpegSegments.Orientation(served));
            Assert.True(served.AsSpan().IndexOf("Xiaomi"u8) < 0 && served.AsSpan().IndexOf("Test Phone"u8) < 0, "the phone's make or model is still in the bytes");

            using var bitmap = SKBitmap.Decode(served);
            Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
            var topRight = bitmap.GetPixel(width - width / 16, height / 16);
            var topLeft = bitmap.GetPixel(width / 16, height / 16);
            Assert.True(topRight.Red > 180 && topRight.Green < 90 && topRight.Blue < 90, $"top right should be the red corner, is {topRight}");
            Assert.False(topLeft.Red > 180 && topLeft.Green < 90 && topLeft.Blue < 90, $"top left should not be red, is {topLeft}");
        }
    }

    [Fact]
    public async Task PNG_stays_PNG_and_WebP_is_stored_as_JPEG()
    {
        var code = await host.ReportAsync();
        var response = await PhotoHost.UploadAsync(_http, code, "resolve", TestPictures.Png(), TestPictures.Webp());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var photos = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("photos");
        Assert.Equal(["image/png", "image/jpeg"], photos.EnumerateArray().Select(p => p.GetProperty("contentType").GetString()));
        foreach (var (photo, format) in photos.EnumerateArray().Zip([SKEncodedImageFormat.Png, SKEncodedImageFormat.Jpeg]))
        {
            var served = await _http.GetByteArrayAsync($"api/photos/{photo.GetProperty("id").GetString()}");
            using var codec = SKCodec.Create(new MemoryStream(served));
            Assert.Equal((format, 300, 200), (codec.EncodedFormat, codec.Info.Width, codec.Info.Height));
        }
        Assert.Equal("resolve", await host.ScalarAsync<string>("select string_agg(distinct action, ',') from incident_photo p join incident i on i.id = p.incident_id where i.code = @c", ("c", code)));
    }

    [Fact]
    public async Task A_renamed_executable_or_a_fake_JPEG_is_refused_by_its_bytes_naming_the_file_and_nothing_is_stored()
    {
        var code = await host.ReportAsync();
        await Refused(() => PhotoHost.UploadAsync(_http, code, "report", TestPictures.Elf()), HttpStatusCode.UnsupportedMediaType,
            "'photo' file 1 (\"IMG_0001.jpg\"): its bytes are an ELF executable, not a JPEG, PNG or WebP picture");
        await Refused(() => PhotoHost.UploadAsync(_http, code, "report", TestPictures.Exe()), HttpStatusCode.UnsupportedMediaType, "a Windows executable");
        await Refused(() => PhotoHost.UploadAsync(_http, code, "report", TestPictures.FakeJpeg()), HttpStatusCode.UnsupportedMediaType,
            "it starts like a jpeg picture but cannot be read as one");
        // All or nothing: two good photos with a bad one store none of them.
        await Refused(() => PhotoHost.UploadAsync(_http, code, "report", TestPictures.Phone(1), TestPictures.Png(), TestPictures.Elf()),
            HttpStatusCode.UnsupportedMediaType, "'photo' file 3 (\"IMG_0003.jpg\")", "nothing was stored");
    }

    [Fact]
    public async Task An_11_MB_file_an_empty_file_and_a_decompression_bomb_are_refused_and_nothing_is_stored()
    {
        var code = await host.ReportAsync();
        await Refused(() => PhotoHost.UploadAsync(_http, code, "report", TestPictures.Padded(11 * 1024 * 1024)), HttpStatusCode.RequestEntityTooLarge,
            "'photo' file 1 (\"IMG_0001.jpg\") is 11,534,336 bytes; the limit is 10,485,760 bytes per photo");
        await Refused(() => PhotoHost.UploadAsync(_http, code, "report", Array.Empty<byte>()), HttpStatusCode.BadRequest, "'photo' file 1 (\"IMG_0001.jpg\") is empty");
        await Refused(() => PhotoHost.UploadAsync(_http, code, "report", TestPictures.Bomb()), HttpStatusCode.UnprocessableEntity,
            "it declares 12000×12000 pixels (144 megapixels); the limit is 50 megapixels");
    }

    [Fact]
    public async Task Six_photos_fit_one_step_and_a_seventh_is_refused_whether_sent_together_or_later()
    {
        var code = await host.ReportAsync();
        var seven = Enumerable.Range(1, 7).Select(i => PhonePhotos.Jpeg(i, 64, 48)).ToArray();
        await Refused(() => PhotoHost.UploadAsync(_http, code, "resolve", seven), HttpStatusCode.BadRequest,
            "7 'photo' files were sent; at most 6 photos belong to one step");

        Assert.Equal(HttpStatusCode.Created, (await PhotoHost.UploadAsync(_http, code, "resolve", seven[..4])).StatusCode);
        await Refused(() => PhotoHost.UploadAsync(_http, code, "resolve", seven[4..]), HttpStatusCode.Conflict,
            "this step already has 4 photo(s); 3 more would make 7, and the limit is 6 per step");
        Assert.Equal(HttpStatusCode.Created, (await PhotoHost.UploadAsync(_http, code, "resolve", seven[4..6])).StatusCode);
        await Refused(() => PhotoHost.UploadAsync(_http, code, "resolve", seven[6]), HttpStatusCode.Conflict, "already has 6 photo(s)");
        // The limit is per step: the report of the same incident still takes photos.
        Assert.Equal(HttpStatusCode.Created, (await PhotoHost.UploadAsync(_http, code, "report", seven[6])).StatusCode);
        Assert.Equal(7L, await host.ScalarAsync<long>("select count(*) from incident_photo p join incident i on i.id = p.incident_id where i.code = @c", ("c", code)));
    }

    [Fact]
    public async Task A_request_without_a_step_a_photo_part_or_a_known_incident_is_refused_by_name()
    {
        var code = await host.ReportAsync();
        await Refused(() => _http.PostAsync($"api/incidents/{code}/photos", PhotoHost.Form("photo", TestPictures.Png())), HttpStatusCode.BadRequest,
            "action must be one of report, dispatch, accept, resolve, rate, close");
        await Refused(() => _http.PostAsync($"api/incidents/{code}/photos?action=report", PhotoHost.Form("picture", TestPictures.Png())), HttpStatusCode.BadRequest,
            "file part 'picture' is not accepted: send each photo as a file part named 'photo'");
        await Refused(() => PhotoHost.UploadAsync(_http, "I999999", "report", TestPictures.Png()), HttpStatusCode.NotFound, "no incident has code 'I999999'");
        await Refused(() => _http.PostAsync($"api/incidents/{code}/photos?action=report", JsonContent.Create(new { photo = "x" })),
            HttpStatusCode.UnsupportedMediaType, "send multipart/form-data with the photos as file parts");
    }
}
