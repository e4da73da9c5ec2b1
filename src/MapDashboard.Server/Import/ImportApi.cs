using MapDashboard.Server.ApiReference;
using MapDashboard.Data.Audit;
using MapDashboard.Data.Import;
using MapDashboard.Domain.Input;
using MapDashboard.Server.Auth;
using MapDashboard.Server.Doors;
using MapDashboard.Server.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MapDashboard.Server.Import;

/// <summary>
/// Admin only. POST /api/admin/import takes a district's file (a zipped Shapefile set, a GeoPackage or a GeoJSON,
/// multipart with the layer and options), runs the import engine as a dry run and answers the validation report
/// with the upload's id; nothing is written. POST /api/admin/import/{id}/apply runs the same upload again, writing,
/// audited as the signed-in admin; a report with errors writes nothing (409 with the report).
/// </summary>
public static class ImportApi
{
    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/import").RequireAuthorization(Policies.Admin);
        api.MapPost("/", Upload).Produces<ImportDryRun>().TakesBody<ImportUploadForm>(BodyKind.Import);
        api.MapPost("/{id}/apply", Apply).Produces<ImportApplied>();
        return app;
    }

    static async Task<IResult> Upload(HttpRequest http, ImportUploads uploads, IOptions<BodyLimitOptions> limits, NpgsqlDataSource db,
        AuditScope who, CancellationToken cancel)
    {
        http.HttpContext.Features.Set<IFormFeature>(new FormFeature(http, new FormOptions
        {
            MultipartBodyLengthLimit = limits.Value.ImportBodyBytes, ValueCountLimit = 16, KeyLengthLimit = TextRules.MaxCode,
        }));
        IFormCollection form;
        try { form = await http.ReadFormAsync(cancel); }
        catch (InvalidDataException e) { return Problems.BadRequest("Unreadable form", $"the multipart form cannot be read: {e.Message}"); }
        if (form.Files.GetFile(ImportForm.FilePart) is not { Length: > 0 } file)
            return Problems.BadRequest("No file", $"send the zipped Shapefile set, the GeoPackage or the GeoJSON as the file part '{ImportForm.FilePart}'");
        if (ImportForm.Read(form, "").Problem is { } formProblem) return Problems.BadRequest("Bad import option", formProblem);

        var (id, folder) = uploads.NewFolder();
        try
        {
            await using var stream = file.OpenReadStream();
            var path = await UploadUnpacker.UnpackAsync(stream, file.FileName, folder, uploads.Limits, cancel);
            var request = ImportForm.Read(form, path).Request!;
            var report = await DistrictImport.RunAsync(db, request, who, cancel);
            var upload = uploads.Keep(id, folder, request, who.Actor);
            return TypedResults.Ok(new ImportDryRun(id, upload.Expires, ImportReportBody.From(report)));
        }
        catch (UploadRefusal e)
        {
            uploads.Discard(id, folder);
            return TypedResults.Problem(title: e.Title, detail: e.Message, statusCode: e.Status);
        }
        catch (ImportInputException e)
        {
            uploads.Discard(id, folder);
            return CannotImport(e);
        }
        catch
        {
            uploads.Discard(id, folder);
            throw;
        }
    }

    static async Task<IResult> Apply(string id, ImportUploads uploads, NpgsqlDataSource db, AuditScope who, CancellationToken cancel)
    {
        if (uploads.Find(id, who.Actor) is not { } upload)
            return Problems.NotFound("Unknown upload", $"no upload '{id}' of yours is kept: it expired or was applied; upload the file again");
        ImportReport report;
        try { report = await DistrictImport.RunAsync(db, upload.Request with { Write = true }, who, cancel); }
        catch (ImportInputException e) { return CannotImport(e); }
        if (!report.Written)
            return TypedResults.Problem(title: "Import has errors", statusCode: StatusCodes.Status409Conflict,
                detail: $"the report has {report.Problems.Count(p => p.IsError)} errors; nothing was written",
                extensions: new Dictionary<string, object?> { ["report"] = ImportReportBody.From(report) });
        uploads.Discard(upload.Id, upload.Folder);
        return TypedResults.Ok(new ImportApplied(id, ImportReportBody.From(report)));
    }

    /// <summary>
    /// 400 for a file that cannot be imported at all: the detail in Chinese (the report's language), and both wordings
    /// as <c>zh</c> and <c>en</c>, as each problem of a report carries them, for the page to show in its language.
    /// </summary>
    static IResult CannotImport(ImportInputException e) =>
        TypedResults.Problem(title: "Cannot import", detail: e.Text(ImportPageHints.Hints), statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["zh"] = e.Text(ImportPageHints.Hints), ["en"] = e.TextEn(ImportPageHints.Hints) });
}
