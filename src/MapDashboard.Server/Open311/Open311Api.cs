using MapDashboard.Server.ApiReference;
using System.Globalization;
using System.Text.Json.Nodes;
using MapDashboard.Data;
using MapDashboard.Data.Audit;
using MapDashboard.Server.Audit;
using MapDashboard.Data.Incidents;
using MapDashboard.Domain.Incidents;
using MapDashboard.Domain.Input;
using MapDashboard.Server.Doors;
using MapDashboard.Server.Http;
using MapDashboard.Server.Incidents;
using MapDashboard.Server.Photos;
using MapDashboard.Data.Photos;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace MapDashboard.Server.Open311;

/// <summary>
/// Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2), so existing civic
/// reporting apps can post into the same intake as the REST API. json and xml,
/// the spec's field names, its error array and its status values open/closed;
/// the internal stage and routing travel in extended_attributes.
/// </summary>
public static class Open311Api
{
    static readonly string ServicesSql = SqlResource.Beside<Marker>("services.sql");
    static readonly string RequestsSql = SqlResource.Beside<Marker>("requests.sql");
    static readonly string TokenSql = SqlResource.Beside<Marker>("token.sql");

    /// <summary>The spec's default window for GET requests when no dates are given.</summary>
    static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(90);

    public static IEndpointRouteBuilder MapOpen311Api(this IEndpointRouteBuilder app)
    {
        // Open311 keeps its own door: API keys, no sign-in; rate limited per client address.
        var api = app.MapGroup("/open311/v2").WithOpen311Errors().AllowAnonymous().RequireRateLimiting(Auth.RateLimits.Anonymous);
        api.MapGet("/services.{format}", Services).Produces<IReadOnlyList<Open311Service>>(StatusCodes.Status200OK, "application/json", "text/xml");
        api.MapGet("/services/{code}.{format}", ServiceDefinition).Produces<Open311ServiceDefinition>(StatusCodes.Status200OK, "application/json", "text/xml");
        api.MapPost("/requests.{format}", PostRequest).Produces<IReadOnlyList<Open311Posted>>(StatusCodes.Status201Created, "application/json", "text/xml")
            .Produces<IReadOnlyList<Open311Posted>>(StatusCodes.Status200OK, "application/json", "text/xml").TakesBody<Open311RequestForm>(BodyKind.Open311Form).RequireRateLimiting(Auth.RateLimits.Open311Post);
        api.MapGet("/requests.{format}", Requests).Produces<IReadOnlyList<Open311Request>>(StatusCodes.Status200OK, "application/json", "text/xml");
        api.MapGet("/requests/{id}.{format}", Request).Produces<IReadOnlyList<Open311Request>>(StatusCodes.Status200OK, "application/json", "text/xml");
        api.MapGet("/tokens/{token}.{format}", Token).Produces<IReadOnlyList<Open311Token>>(StatusCodes.Status200OK, "application/json", "text/xml");
        return app;
    }

    static async Task<IResult> Services(string format, NpgsqlDataSource db, CancellationToken cancel)
    {
        if (!Open311Format.IsKnown(format)) return UnknownFormat(format);
        var json = (await Query(db, ServicesSql, cancel, ("code", NpgsqlDbType.Text, null)))!;
        return Open311Format.List(format, json, "services", "service");
    }

    static async Task<IResult> ServiceDefinition(string code, string format, NpgsqlDataSource db, CancellationToken cancel)
    {
        if (!Open311Format.IsKnown(format)) return UnknownFormat(format);
        var json = (await Query(db, ServicesSql, cancel, ("code", NpgsqlDbType.Text, code)))!;
        if (JsonNode.Parse(json)!.AsArray().Count == 0) return Open311Format.Errors(format, 404, $"service_code '{code}' is not a known service");
        // No category asks for extra fields (metadata false): the definition has no attributes.
        return Open311Format.Object(format, new JsonObject { ["service_code"] = code, ["attributes"] = new JsonArray() }, "service_definition");
    }

    /// <summary>The form part of a photo (the GeoReport v2 media extension): the same checks and cleaning as every photo.</summary>
    const string MediaPart = "media";

    static async Task<IResult> PostRequest(string format, HttpRequest http, Open311Keys keys, ReportValidatorSource validators,
        IncidentIntake intake, PhotoIntake photos, IOptions<BodyLimitOptions> limits, AuditScope who, CancellationToken cancel)
    {
        if (!Open311Format.IsKnown(format)) return UnknownFormat(format);
        if (!http.HasFormContentType)
            return Open311Format.Errors(format, 400, "send the request as application/x-www-form-urlencoded (GeoReport v2)");
        IFormCollection form;
        // The form reader's own limits (field count, value length) throw InvalidDataException; the body size was
        // bounded by RequestDoor, so a value can never be larger than the body limit anyway.
        http.HttpContext.Features.Set<IFormFeature>(new FormFeature(http, new FormOptions
        {
            ValueCountLimit = limits.Value.Open311FormFields, KeyLengthLimit = TextRules.MaxCode,
            ValueLengthLimit = (int)limits.Value.Open311BodyBytes, MultipartBodyLengthLimit = limits.Value.PhotosBodyBytes,
        }));
        try { form = await http.ReadFormAsync(cancel); }
        catch (InvalidDataException e)
        {
            // The form reader's own words ("Form value count limit 64 exceeded."): about the form, never about the server.
            return Open311Format.Errors(format, 400, $"the form cannot be read: {e.Message}");
        }
        string? Field(string name) => form[name].FirstOrDefault() is { Length: > 0 } v ? v : null;
        if (form.Keys.Select(k => TextRules.Problem(form[k].FirstOrDefault(), k, FieldLimit(k), multiLine: k == "description"))
                .FirstOrDefault(p => p is not null) is { } text)
            return Open311Format.Errors(format, 400, text);
        if (await keys.NameAsync(Field("api_key") ?? http.Query["api_key"].FirstOrDefault(), cancel) is not { } keyName)
            return Open311Format.Errors(format, 403, "api_key is missing or not valid");

        var errors = new List<string>();
        double? Coordinate(string name)
        {
            if (Field(name) is not { } text) return null;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
            errors.Add($"{name} '{text}' is not a number");
            return double.NaN;
        }
        var (lat, lon) = (Coordinate("lat"), Coordinate("long"));
        if (errors.Count > 0) return Open311Format.Errors(format, 400, [.. errors]);
        if (lat is null && lon is null && (Field("address_string") ?? Field("address_id")) is not null)
            return Open311Format.Errors(format, 400, "lat and long are required: this server does not geocode address_string or address_id");

        var contact = string.Join(" ", new[] { Field("first_name"), Field("last_name"), Field("email"), Field("phone") }.Where(s => s is not null));
        var report = new IncidentReport(Field("service_code"), lat, lon, Field("description"), Field("media_url"), contact.Length > 0 ? contact : null);
        var problems = (await validators.GetAsync(cancel)).Validate(report, ReportValidator.FieldNames.Open311);
        if (problems.Count > 0) return Open311Format.Errors(format, 400, problems.Select(p => p.Message).ToArray());

        if (form.Files.FirstOrDefault(f => f.Name != MediaPart) is { } stray)
            return Open311Format.Errors(format, 400, $"file part '{stray.Name}' is not accepted: send the photo as a file part named '{MediaPart}'");
        IReadOnlyList<PhotoRow> media = [];
        if (form.Files.Count > 0)
        {
            var (cleaned, refusal) = await photos.CleanAsync(form.Files, MediaPart, existing: 0, cancel);
            if (refusal is not null) return Open311Format.Errors(format, refusal.Status, refusal.Detail);
            media = await photos.SaveAsync(cleaned!, cancel);
        }

        var token = Guid.NewGuid().ToString("N");
        var reporter = who.ViaOpen311(keyName);
        IntakeResult result;
        try
        {
            // The photos' rows commit with the report (or the duplicate it is linked to, whose report photos count).
            result = await intake.ReportAsync(report, new IntakeSource("open311", Field("account_id") ?? Field("device_id") ?? "open311:client", token),
                reporter, cancel, media.Count == 0 ? null
                    : (conn, tx, incidentId) => IncidentPhotos.AddAsync(conn, tx, incidentId, "report", media, photos.MaxPerAction, reporter.Actor));
        }
        catch (PhotoLimitException e)
        {
            photos.Discard(media);
            return Open311Format.Errors(format, 409, $"the open request this report was linked to: {e.Message}; nothing was stored");
        }
        catch
        {
            photos.Discard(media);
            throw;
        }
        var answer = new JsonObject
        {
            ["service_request_id"] = result.Code,
            ["token"] = result.Duplicate ? null : token,
            ["service_notice"] = result.Duplicate
                ? $"duplicate: the same problem is already open as {result.Code}; this report was linked to it"
                : result.Route is { OwnershipUnclear: true } r ? $"ownership unclear ({r.Reason}); routed to the community or street" : null,
            ["account_id"] = Field("account_id"),
        };
        // The photo sent as media, where it is served (to who may see the incident): an extension of the answer.
        if (media.Count > 0) answer["media_url"] = PhotoUrls.AbsolutePrefix(http) + media[0].Id;
        return Open311Format.List(format, Open311Format.ToJson(new JsonArray(answer)), "service_requests", "request",
            result.Duplicate ? StatusCodes.Status200OK : StatusCodes.Status201Created);
    }

    static async Task<IResult> Requests(string format, string? service_request_id, string? service_code, string? start_date,
        string? end_date, string? status, HttpRequest http, NpgsqlDataSource db, CancellationToken cancel)
    {
        if (!Open311Format.IsKnown(format)) return UnknownFormat(format);
        var errors = new List<string>();
        var now = DateTimeOffset.UtcNow;
        var end = ParseDate(end_date, "end_date", now, errors) ?? now;
        // Only a window-checked end is subtracted from: 0001-01-01 minus 90 days does not exist.
        var start = ParseDate(start_date, "start_date", now, errors) ?? (errors.Count == 0 ? end - DefaultWindow : now);
        var statuses = List(status);
        if (statuses?.FirstOrDefault(s => s is not ("open" or "closed")) is { } bad) errors.Add($"status '{bad}' is not open or closed");
        if (errors.Count > 0) return Open311Format.Errors(format, 400, [.. errors]);
        var json = await RequestsAsync(db, http, cancel, List(service_request_id), List(service_code), start, end, statuses) ?? "[]";
        return Open311Format.List(format, json, "service_requests", "request");
    }

    static async Task<IResult> Request(string id, string format, HttpRequest http, NpgsqlDataSource db, CancellationToken cancel)
    {
        if (!Open311Format.IsKnown(format)) return UnknownFormat(format);
        var json = await RequestsAsync(db, http, cancel, [id], null, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, null) ?? "[]";
        return JsonNode.Parse(json)!.AsArray().Count == 0
            ? Open311Format.Errors(format, 404, $"service_request_id '{id}' was not found")
            : Open311Format.List(format, json, "service_requests", "request");
    }

    static async Task<IResult> Token(string token, string format, NpgsqlDataSource db, CancellationToken cancel)
    {
        if (!Open311Format.IsKnown(format)) return UnknownFormat(format);
        return await Query(db, TokenSql, cancel, ("token", NpgsqlDbType.Text, token)) is { } json
            ? Open311Format.List(format, json, "service_requests", "request")
            : Open311Format.Errors(format, 404, $"token '{token}' was not found");
    }

    /// <summary>The requests as the spec lists them; media_url names the first report photo stored here when the client gave no URL of its own.</summary>
    static Task<string?> RequestsAsync(NpgsqlDataSource db, HttpRequest http, CancellationToken cancel, string[]? ids, string[]? codes,
        DateTimeOffset start, DateTimeOffset end, string[]? statuses) =>
        Query(db, RequestsSql, cancel, ("photoBase", NpgsqlDbType.Text, PhotoUrls.AbsolutePrefix(http)),
            ("ids", NpgsqlDbType.Array | NpgsqlDbType.Text, ids), ("codes", NpgsqlDbType.Array | NpgsqlDbType.Text, codes),
            ("start", NpgsqlDbType.TimestampTz, start == DateTimeOffset.MinValue ? DateTime.MinValue.ToUniversalTime() : start.UtcDateTime),
            ("end", NpgsqlDbType.TimestampTz, end == DateTimeOffset.MaxValue ? DateTime.MaxValue.ToUniversalTime() : end.UtcDateTime),
            ("statuses", NpgsqlDbType.Array | NpgsqlDbType.Text, statuses));

    static async Task<string?> Query(NpgsqlDataSource db, string sql, CancellationToken cancel, params (string Name, NpgsqlDbType Type, object? Value)[] parameters)
    {
        await using var cmd = db.CreateCommand(sql);
        foreach (var (name, type, value) in parameters) cmd.Parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });
        return await cmd.ExecuteScalarAsync(cancel) as string;
    }

    static string[]? List(string? commaSeparated) =>
        string.IsNullOrWhiteSpace(commaSeparated) ? null : commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    static DateTimeOffset? ParseDate(string? text, string name, DateTimeOffset now, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            errors.Add($"{name} '{text}' is not a W3C datetime (e.g. 2026-11-22T08:00:00+08:00)");
        else if (TimeRules.WindowProblem(value, name, now) is { } outside)
            errors.Add(outside);
        else return value;
        return null;
    }

    /// <summary>The longest each form field may be, in characters (description: the spec's 4,000).</summary>
    static int FieldLimit(string field) => field switch
    {
        "description" => ReportValidator.MaxDescription,
        "media_url" => ReportValidator.MaxPhotoUrl,
        "api_key" or "service_code" or "lat" or "long" => TextRules.MaxCode,
        _ => TextRules.MaxName,
    };

    static IResult UnknownFormat(string format) => Open311Format.Errors(Open311Format.Json, 400, $"format '{format}' is not json or xml");

    sealed class Marker;
}
