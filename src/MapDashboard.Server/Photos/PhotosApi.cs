using MapDashboard.Server.ApiReference;
using System.Text.Json;
using MapDashboard.Data.Audit;
using MapDashboard.Data.Photos;
using MapDashboard.Domain.Input;
using MapDashboard.Server.Doors;
using MapDashboard.Server.Http;
using MapDashboard.Server.Idempotency;
using MapDashboard.Server.Permissions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace MapDashboard.Server.Photos;

/// <summary>
/// Incident photos: <c>POST /api/incidents/{code}/photos?action=…</c> (multipart, one or more <c>photo</c> file parts)
/// adds cleaned photos to one step of an incident, all or nothing; <c>GET /api/photos/{id}</c> and
/// <c>/api/photos/{id}/thumbnail</c> serve them to who may see them (<see cref="PhotoAccess"/>).
/// </summary>
public static class PhotosApi
{
    /// <summary>The form part a photo is sent in.</summary>
    public const string Part = "photo";

    public static IEndpointRouteBuilder MapPhotosApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/incidents/{code}/photos", Upload).TakesBody<PhotosForm>(BodyKind.Photos)
            .Acts(c => PhotoActions.CapabilityOf(c.HttpContext.Request.Query["action"].ToString()), c => Concern.Incident(c.Route("code")))
            .Produces<PhotosAdded>(StatusCodes.Status201Created)
            .RequireAuthorization(Auth.Policies.Field).Idempotent();
        var photos = app.MapGroup("/api/photos").RequireAuthorization(Auth.Policies.Read);
        photos.MapGet("/{id}", (string id, HttpContext http, IncidentPhotos rows, PhotoAccess access, PhotoFolder folder, CancellationToken cancel) =>
            Serve(id, thumbnail: false, http, rows, access, folder, cancel)).Produces<Stream>(StatusCodes.Status200OK, "image/jpeg", "image/png");
        photos.MapGet("/{id}/thumbnail", (string id, HttpContext http, IncidentPhotos rows, PhotoAccess access, PhotoFolder folder, CancellationToken cancel) =>
            Serve(id, thumbnail: true, http, rows, access, folder, cancel)).Produces<Stream>(StatusCodes.Status200OK, "image/jpeg", "image/png");
        return app;
    }

    static async Task<IResult> Upload(string code, string? action, HttpRequest http, PhotoIntake intake, IncidentPhotos photos,
        IOptions<BodyLimitOptions> limits, AuditScope who, CancellationToken cancel)
    {
        if (!PhotoActions.IsKnown(action))
            return Problems.BadRequest("Which step?", $"action must be one of {string.Join(", ", PhotoActions.All)}: the step the photos belong to"
                + (string.IsNullOrEmpty(action) ? "" : $", not '{action}'"));
        if (await photos.IncidentIdAsync(code, cancel) is not { } incidentId)
            return Problems.NotFound("Unknown incident", $"no incident has code '{code}'");

        http.HttpContext.Features.Set<IFormFeature>(new FormFeature(http, new FormOptions
        {
            MultipartBodyLengthLimit = limits.Value.PhotosBodyBytes, ValueCountLimit = 32, KeyLengthLimit = TextRules.MaxCode,
        }));
        IFormCollection form;
        try { form = await http.ReadFormAsync(cancel); }
        catch (InvalidDataException e) { return Problems.BadRequest("Unreadable form", $"the multipart form cannot be read: {e.Message}"); }
        if (form.Files.FirstOrDefault(f => f.Name != Part) is { } stray)
            return Problems.BadRequest("Unexpected file", $"file part '{stray.Name}' is not accepted: send each photo as a file part named '{Part}'");
        var files = form.Files.GetFiles(Part);
        if (files.Count == 0) return Problems.BadRequest("No photo", $"send one or more photos as file parts named '{Part}'");

        var (cleaned, refusal) = await intake.CleanAsync(files, Part, await photos.CountAsync(incidentId, action!, cancel), cancel);
        if (refusal is not null) return TypedResults.Problem(title: refusal.Title, detail: refusal.Detail, statusCode: refusal.Status);
        var rows = await intake.SaveAsync(cleaned!, cancel);
        try { await photos.AddAsync(incidentId, action!, rows, intake.MaxPerAction, who.Actor, who, cancel); }
        catch (PhotoLimitException e)
        {
            intake.Discard(rows);
            return Problems.Conflict("Too many photos", $"{e.Message}; nothing was stored");
        }
        catch
        {
            intake.Discard(rows);
            throw;
        }
        var answer = new PhotosAdded(code, action!, rows.Select(r => new PhotoAdded(r.Id, action!, PhotoUrls.Picture(r.Id), PhotoUrls.Thumbnail(r.Id),
            r.ContentType, r.Bytes, r.Width, r.Height)).ToList());
        return TypedResults.Text(JsonSerializer.Serialize(answer, JsonSerializerOptions.Web), "application/json; charset=utf-8", statusCode: StatusCodes.Status201Created);
    }

    static Task<IResult> Serve(string id, bool thumbnail, HttpContext http, IncidentPhotos rows, PhotoAccess access, PhotoFolder folder,
        CancellationToken cancel) =>
        ServeAsync(id, thumbnail, http, rows, folder, async photo =>
            await access.RefusalAsync(RequestViewer.Of(http), photo, cancel) is { } refusal ? Problems.Forbidden(refusal) : null, cancel);

    /// <summary>
    /// The picture or thumbnail of photo <paramref name="id"/>, unless <paramref name="refuse"/> answers otherwise
    /// (each door words its refusal: 403 to an account, 404 to a tracking link that must reveal nothing).
    /// </summary>
    public static async Task<IResult> ServeAsync(string id, bool thumbnail, HttpContext http, IncidentPhotos rows, PhotoFolder folder,
        Func<StoredPhoto, Task<IResult?>> refuse, CancellationToken cancel)
    {
        if (!PhotoFolder.IsId(id) || await rows.FindAsync(id, cancel) is not { } photo)
            return Problems.NotFound("Unknown photo", $"no photo has id '{id}'");
        if (await refuse(photo) is { } refusal) return refusal;
        if (folder.Open(id, photo.ContentType, thumbnail) is not { } stream)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PhotosApi))
                .LogWarning("Photo {Id} has a row but no file in {Folder}", id, folder.Root);
            return Problems.NotFound("Photo missing", $"photo '{id}' is recorded but its file is missing; tell the operators");
        }
        // Private: a shared cache must never hand one account's permitted photo to another. nosniff: served as the
        // type stored, never reinterpreted by a browser.
        http.Response.Headers.CacheControl = "private, max-age=3600";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(stream, thumbnail ? "image/jpeg" : photo.ContentType);
    }
}
