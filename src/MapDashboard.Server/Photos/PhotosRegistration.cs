using MapDashboard.Data.Photos;
using MapDashboard.Server.Options;

namespace MapDashboard.Server.Photos;

public static class PhotosRegistration
{
    /// <summary>The photo folder (Photos:Folder, relative to the content root), the cleaner, the intake, the rows, the access rule and the sweep of orphan files.</summary>
    public static WebApplicationBuilder AddPhotos(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(PhotoOptions.Section);
        builder.Services.Configure<PhotoOptions>(section);
        var folder = Path.Combine(builder.Environment.ContentRootPath, (section.Get<PhotoOptions>() ?? new()).Folder);
        builder.Services.AddSingleton(_ => new PhotoFolder(folder));
        builder.Services.AddSingleton<PhotoCleaner>();
        builder.Services.AddSingleton<PhotoIntake>();
        builder.Services.AddSingleton<IncidentPhotos>();
        builder.Services.AddSingleton<PhotoAccess>();
        builder.Services.AddHostedService<PhotoSweep>();
        return builder;
    }
}
