using MapDashboard.Server.Auth;
using Microsoft.Extensions.FileProviders;

namespace MapDashboard.Server.Views;

/// <summary>
/// The views are one single-page client (src/MapDashboard.Web, built
/// into wwwroot/); the client reads its view from the path.
/// </summary>
public static class ViewsEndpoints
{
    public static readonly string[] Views = ["wall", "lead", "plan", "field"];

    /// <summary>The administrators' pages (the import of a district's own GIS data): admin only.</summary>
    public static readonly string[] AdminViews = ["/admin/import"];

    /// <summary>The resident's report form and tracking page, open to all.</summary>
    public static readonly string[] ResidentViews = ["/report", "/report/track/{token}"];

    /// <summary>The built bundle's files (scripts, styles, icons), open to all: before the sign-in checks, like the sign-in page itself.</summary>
    public static WebApplication UseViewAssets(this WebApplication app)
    {
        // A missing wwwroot at start would disable static files until restart; make
        // sure it exists so a client built after the server starts is still served.
        Directory.CreateDirectory(Path.Combine(app.Environment.ContentRootPath, "wwwroot"));
        if (app.Environment.WebRootFileProvider is NullFileProvider)
            app.Environment.WebRootFileProvider = new PhysicalFileProvider(Path.Combine(app.Environment.ContentRootPath, "wwwroot"));

        app.UseStaticFiles();
        return app;
    }

    /// <summary>The views need a signed-in account (a browser without one is sent to /signin?returnUrl=…); /signin is open.</summary>
    public static WebApplication MapViews(this WebApplication app)
    {
        app.MapGet("/", () => TypedResults.Redirect("/wall")).AllowAnonymous();
        foreach (var view in Views)
            app.MapFallbackToFile($"/{view}", "index.html").RequireAuthorization(Policies.Read);
        foreach (var admin in AdminViews)
            app.MapFallbackToFile(admin, "index.html").RequireAuthorization(Policies.Admin);
        app.MapFallbackToFile("/signin", "index.html").AllowAnonymous();
        // The resident's pages: no account (a resident reports and follows the report with its tracking link).
        foreach (var resident in ResidentViews)
            app.MapFallbackToFile(resident, "index.html").AllowAnonymous();
        return app;
    }
}
