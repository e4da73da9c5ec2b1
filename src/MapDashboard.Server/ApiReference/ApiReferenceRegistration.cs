using MapDashboard.Server.Auth;
using Microsoft.AspNetCore.OpenApi;
using Scalar.AspNetCore;

namespace MapDashboard.Server.ApiReference;

/// <summary>
/// The REST API's own description: the OpenAPI document at <c>/openapi/v1.json</c> (generated from the route table
/// and each endpoint's declared answers) and a reference page that renders it at <c>/api-docs</c>. Both need a
/// signed-in account, like the OGC API's own document at <c>/ogc/api</c>: the command centre's API is not public,
/// and a signed-in browser can then try the endpoints with its own session.
/// </summary>
public static class ApiReferenceRegistration
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string PagePath = "/api-docs";

    public static WebApplicationBuilder AddApiReference(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1", options =>
        {
            // The OGC API describes itself (/ogc/api, OpenAPI 3.0, linked from the description); "/" only redirects to a view.
            options.ShouldInclude = description => description.RelativePath is { Length: > 0 } path && !path.StartsWith("ogc", StringComparison.Ordinal);
            // Bodies of different endpoints share short names (two "Body"s): name each schema after its declaring class too.
            options.CreateSchemaReferenceId = type => type.Type.DeclaringType is { } outer && OpenApiOptions.CreateDefaultSchemaReferenceId(type) is { } name
                ? outer.Name + name
                : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddDocumentTransformer<ApiDocumentDescription>();
            options.AddSchemaTransformer<JsonAnswerSchemas>();
        });
        return builder;
    }

    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(Policies.Read);
        // The page's script is the copy embedded in the Scalar package, served from here: a command centre is often
        // cut off from the internet, so nothing may come from a CDN (nor its default web fonts). For the same reason,
        // and because the document describes a government system's API, nothing goes to the vendor's services either:
        // no telemetry, no AI assistant or MCP link, no developer-tools bar (SDK generation, deployment offers).
        app.MapScalarApiReference(PagePath, options => options
                .WithTitle("MapDashboard API 接口参考")
                .WithOpenApiRoutePattern(DocumentPath)
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .HideDeveloperTools())
            .RequireAuthorization(Policies.Read);
        return app;
    }
}
