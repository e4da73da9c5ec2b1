using MapDashboard.Server.ApiReference;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MapDashboard.Data;
using MapDashboard.Data.Audit;
using MapDashboard.Data.Incidents;
using MapDashboard.Data.Photos;
using MapDashboard.Data.Residents;
using MapDashboard.Domain.Incidents;
using MapDashboard.Domain.Input;
using MapDashboard.Server.Doors;
using MapDashboard.Server.Http;
using MapDashboard.Server.Incidents;
using MapDashboard.Server.Options;
using MapDashboard.Server.Photos;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MapDashboard.Server.Report;

/// <summary>
/// The resident's door (群众点单 and 群众评单 without an account, issue 15 item 3): what the form needs, a report with
/// photos through the same intake and photo checks as the other doors, and a tracking link — a long random token,
/// stored hashed — to follow the incident, see its photos and rate it once resolved. Open without sign-in and rate
/// limited per address; every refusal is problem details with a <c>reason</c> code and the detail in the resident's
/// language (<see cref="ResidentWords"/>), and stores nothing. Writes are audited as the resident door, never as an
/// account (the page sends no credentials).
/// </summary>
public static class ReportApi
{
    static readonly string FormSql = SqlResource.Beside<Marker>("report_form.sql");

    /// <summary>Who the history and the audit trail name for a step taken through this door.</summary>
    public const string Actor = "resident";

    /// <summary>The form part a photo is sent in, as on the incident photos endpoint.</summary>
    const string PhotoPart = PhotosApi.Part;

    const string InternalCategory = "ownership_unclear";

    public sealed record RatingBody(int? Rating, string? Comment);

    public static IEndpointRouteBuilder MapReportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/report").AllowAnonymous().RequireRateLimiting(Auth.RateLimits.Anonymous);
        api.MapGet("/form", Form).Produces<ReportFormAnswer>();
        api.MapPost("/", Report).Produces<ResidentReported>(StatusCodes.Status201Created).Produces<ResidentReported>().TakesBody<ResidentReportForm>(BodyKind.Photos).RequireRateLimiting(Auth.RateLimits.ResidentPost);
        api.MapGet("/track/{token}", Track).Produces<TrackedIncident>();
        api.MapPost("/track/{token}/rating", Rate).Produces<ResidentRated>().RequireRateLimiting(Auth.RateLimits.ResidentPost);
        api.MapGet("/track/{token}/photos/{id}", (string token, string id, HttpContext http, IncidentPhotos rows, PhotoAccess access,
            PhotoFolder folder, CancellationToken cancel) => Photo(token, id, thumbnail: false, http, rows, access, folder, cancel))
            .Produces<Stream>(StatusCodes.Status200OK, "image/jpeg", "image/png");
        api.MapGet("/track/{token}/photos/{id}/thumbnail", (string token, string id, HttpContext http, IncidentPhotos rows, PhotoAccess access,
            PhotoFolder folder, CancellationToken cancel) => Photo(token, id, thumbnail: true, http, rows, access, folder, cancel))
            .Produces<Stream>(StatusCodes.Status200OK, "image/jpeg", "image/png");
        return app;
    }

    /// <summary>The audit scope of this door: the resident, whoever the connection is (the page sends no credentials anyway).</summary>
    static AuditScope AsResident(AuditScope who) => who with { Actor = Actor, Source = "resident", Role = null, Unit = null };

    static IResult Refuse(int status, string reason, string detail) =>
        TypedResults.Problem(title: reason, detail: detail, statusCode: status, extensions: new Dictionary<string, object?> { ["reason"] = reason });

    static async Task<IResult> Form(NpgsqlDataSource db, IOptions<IncidentOptions> incidents, IOptions<MapOptions> map, CancellationToken cancel)
    {
        var json = await SqlJson.QueryAsync(db, FormSql, cancel) ?? "{}";
        var form = JsonNode.Parse(json)!.AsObject();
        form["timeZone"] = incidents.Value.TimeZone;
        form["baseLayer"] = Config.ConfigApi.BaseLayer(map.Value);
        form["baseTiles"] = PublicTileLayers();
        return SqlJson.Json(form.ToJsonString());
    }

    /// <summary>The layers of /tiles/public, described as /api/config describes a layer, for the form's map to draw.</summary>
    static JsonArray PublicTileLayers() => new(Layers.LayerCatalog.Tiled.Where(l => l.HasPublicTiles).Select(l => (JsonNode)new JsonObject
    {
        ["name"] = l.Name,
        ["minZoom"] = l.MinZoom,
        ["maxZoom"] = Layers.LayerCatalog.MaxZoom,
        ["tiles"] = true,
        ["live"] = false,
        ["properties"] = new JsonArray(l.PublicTileProperties!.Select(p => (JsonNode)p).ToArray()),
        ["personalData"] = new JsonArray(),
    }).ToArray());

    static async Task<IResult> Report(HttpRequest http, ReportValidatorSource validators, IncidentIntake intake, PhotoIntake photos,
        IOptions<BodyLimitOptions> limits, AuditScope who, CancellationToken cancel)
    {
        var words = ResidentWords.For(http);
        // ReadFormAsync throws on a body that is no form at all (none, JSON): that is the sender's mistake, not ours.
        if (!http.HasFormContentType) return Refuse(StatusCodes.Status415UnsupportedMediaType, "not_a_form", words.UnreadableForm);
        http.HttpContext.Features.Set<IFormFeature>(new FormFeature(http, new FormOptions
        {
            MultipartBodyLengthLimit = limits.Value.PhotosBodyBytes, ValueCountLimit = 16, KeyLengthLimit = TextRules.MaxCode,
            ValueLengthLimit = (int)limits.Value.Open311BodyBytes,
        }));
        IFormCollection form;
        try { form = await http.ReadFormAsync(cancel); }
        catch (InvalidDataException) { return Refuse(400, "unreadable_form", words.UnreadableForm); }
        string? Field(string name) => form[name].FirstOrDefault() is { Length: > 0 } v ? v : null;

        var description = Field("description");
        if (string.IsNullOrWhiteSpace(description)) return Refuse(400, "empty_description", words.EmptyDescription);
        if (new StringInfo(description).LengthInTextElements > ReportValidator.MaxDescription)
            return Refuse(400, "description_too_long", words.DescriptionTooLong(ReportValidator.MaxDescription));
        foreach (var key in form.Keys)
            if (TextRules.Problem(form[key].FirstOrDefault(), key, key == "description" ? ReportValidator.MaxDescription : TextRules.MaxCode,
                    multiLine: key == "description") is not null)
                return Refuse(400, "bad_text", words.BadText(key));

        double? Coordinate(string name) =>
            double.TryParse(Field(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
        var (lat, lon) = (Coordinate("lat"), Coordinate("lon"));
        if (lat is null || lon is null) return Refuse(400, "no_location", words.NoLocation);
        var category = Field("category");
        var report = new IncidentReport(category, lat, lon, description, null, null);
        var problems = (await validators.GetAsync(cancel)).Validate(report, ReportValidator.FieldNames.Rest);
        if (problems.Any(p => p.Field.Contains("lat", StringComparison.Ordinal))) return Refuse(400, "outside_district", words.OutsideDistrict);
        if (category == InternalCategory || problems.Any(p => p.Field == "category")) return Refuse(400, "unknown_category", words.UnknownCategory);
        if (problems.Count > 0) return Refuse(400, "bad_text", words.BadText(problems[0].Field));

        if (form.Files.FirstOrDefault(f => f.Name != PhotoPart) is not null) return Refuse(400, "not_a_photo_part", words.StrayFile(PhotoPart));
        IReadOnlyList<PhotoRow> saved = [];
        if (form.Files.Count > 0)
        {
            var (cleaned, refusal) = await photos.CleanAsync(form.Files, PhotoPart, existing: 0, cancel);
            if (refusal is not null) return Refuse(refusal.Status, "bad_photo", words.Photo(refusal, photos.Limits));
            saved = await photos.SaveAsync(cleaned!, cancel);
        }

        var resident = AsResident(who);
        string? token = null;
        IntakeResult result;
        try
        {
            // The photos and the tracking link commit with the report (or with the open incident it is linked to).
            result = await intake.ReportAsync(report, new IntakeSource("resident", Actor), resident, cancel, async (conn, tx, incidentId) =>
            {
                if (saved.Count > 0) await IncidentPhotos.AddAsync(conn, tx, incidentId, "report", saved, photos.MaxPerAction, Actor);
                token = await ResidentTracking.AddAsync(conn, tx, incidentId);
            });
        }
        catch (PhotoLimitException)
        {
            photos.Discard(saved);
            return Refuse(409, "duplicate_photos_full", words.DuplicateFull);
        }
        catch
        {
            photos.Discard(saved);
            throw;
        }
        var answer = JsonSerializer.Serialize(new ResidentReported(result.Code, result.Duplicate, token, $"/report/track/{token}", saved.Count),
            JsonSerializerOptions.Web);
        return TypedResults.Text(answer, "application/json; charset=utf-8", statusCode: result.Duplicate ? 200 : 201);
    }

    static async Task<IResult> Track(string token, HttpRequest http, ResidentTracking tracking, IOptions<IncidentOptions> incidents,
        CancellationToken cancel)
    {
        if (await tracking.ViewAsync(token, cancel) is not { } json) return Refuse(404, "not_found", ResidentWords.For(http).NotFound);
        var tracked = JsonNode.Parse(json)!.AsObject();
        tracked["timeZone"] = incidents.Value.TimeZone; // the page shows every time in the district's zone
        // The page polls this; nobody between may keep it (it is one resident's).
        http.HttpContext.Response.Headers.CacheControl = "no-store";
        return SqlJson.Json(tracked.ToJsonString());
    }

    static async Task<IResult> Rate(string token, RatingBody? body, HttpRequest http, ResidentTracking tracking, AuditScope who,
        CancellationToken cancel)
    {
        var words = ResidentWords.For(http);
        if (body?.Rating is not (>= 1 and <= 5)) return Refuse(400, "bad_rating", words.BadRating);
        if (TextRules.Problem(body.Comment, "comment", TextRules.MaxNote, multiLine: true) is not null)
            return Refuse(400, "bad_comment", words.CommentTooLong(TextRules.MaxNote));
        var result = await tracking.RateAsync(token, body.Rating.Value, body.Comment, Actor, AsResident(who), cancel);
        if (!result.Found) return Refuse(404, "not_found", words.NotFound);
        if (result.Decision is not { Allowed: true } decision)
            return result.Stage is IncidentStage.Rated or IncidentStage.Closed
                ? Refuse(409, "already_rated", words.AlreadyRated)
                : Refuse(409, "not_resolved", words.NotResolvedYet);
        return TypedResults.Json(new ResidentRated(result.Stage!.Value.Name(), decision.Reopened));
    }

    static Task<IResult> Photo(string token, string id, bool thumbnail, HttpContext http, IncidentPhotos rows, PhotoAccess access,
        PhotoFolder folder, CancellationToken cancel) =>
        // A link that does not show the photo learns nothing: the same 404 as a photo that does not exist.
        PhotosApi.ServeAsync(id, thumbnail, http, rows, folder, async photo => await access.TrackingRefusalAsync(token, photo, cancel) is null
            ? null : Refuse(404, "not_found", ResidentWords.For(http.Request).NotFound), cancel);

    sealed class Marker;
}
