using Microsoft.Extensions.FileProviders;

namespace MapDashboard.Server.Views;

/// <summary>
/// The three views are one single-page client (src/MapDashboard.Web, built
/// into wwwroot/); the client reads its view from the path.
/// </summary>
public static class ViewsEndpoints
{
    public static readonly string[] Views = ["wall", "lead", "plan"];

    public static WebApplication MapViews(this WebApplication app)
    {
        // A missing wwwroot at start would disable static files until restart; make
        // sure it exists so a client built after the server starts is still served.
        Directory.CreateDirectory(Path.Combine(app.Environment.ContentRootPath, "wwwroot"));
        if (app.Environment.WebRootFileProvider is NullFileProvider)
            app.Environment.WebRootFileProvider = new PhysicalFileProvider(Path.Combine(app.Environment.ContentRootPath, "wwwroot"));

        app.UseStaticFiles();
        app.MapGet("/", () => TypedResults.Redirect("/wall"));
        foreach (var view in Views)
            app.MapFallbackToFile($"/{view}", "index.html");
        return app;
    }
}
