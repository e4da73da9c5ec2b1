namespace MapDashboard.Server.Import;

public static class ImportRegistration
{
    /// <summary>The admin import page's upload store (section "Import").</summary>
    public static WebApplicationBuilder AddImportUploads(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ImportOptions>(builder.Configuration.GetSection(ImportOptions.Section));
        builder.Services.AddSingleton<ImportUploads>();
        return builder;
    }
}
