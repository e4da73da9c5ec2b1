using MapDashboard.TestSupport;
using Microsoft.AspNetCore.Hosting;

namespace MapDashboard.IntegrationTests.Import;

/// <summary>
/// A server of its own with the demo district, for the admin import page's endpoints: its upload limit is lowered
/// to 1 MB so a refusal of an oversized upload costs a megabyte, not 200.
/// </summary>
public sealed class ImportApiHost : DashboardHost
{
    public const long UploadLimitBytes = 1024 * 1024;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Limits:ImportBodyBytes", UploadLimitBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The upload form: the file and the options the page sends.</summary>
    public static MultipartFormDataContent Form(byte[] file, string fileName, string layer, params (string Name, string Value)[] options)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", fileName }, { new StringContent(layer), "layer" } };
        foreach (var (name, value) in options) form.Add(new StringContent(value), name);
        return form;
    }
}

/// <summary>The import page's tests share one server and run one after another (they count audit rows).</summary>
[CollectionDefinition(Name)]
public sealed class ImportApiCollection : ICollectionFixture<ImportApiHost>
{
    public const string Name = "import-api";
}
