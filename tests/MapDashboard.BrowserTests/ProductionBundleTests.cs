using System.Diagnostics;
using MapDashboard.TestSupport;

namespace MapDashboard.BrowserTests;

/// <summary>
/// The browser tests read the map through window.mapDashboard, built in only for them; the bundle the run
/// command serves must not carry it.
/// </summary>
public sealed class ProductionBundleTests
{
    const string HookMarker = "probeGridFill"; // a member only the hook defines

    [Fact]
    public async Task The_production_bundle_leaves_the_test_hook_out_and_the_test_bundle_has_it()
    {
        var web = Path.Combine(RepositoryPaths.Root, "src", "MapDashboard.Web");
        var outDir = Directory.CreateTempSubdirectory("mapdashboard-prod-bundle-").FullName;
        try
        {
            var build = new ProcessStartInfo("npx", ["--yes", "vite", "build", "--outDir", outDir, "--emptyOutDir", "--logLevel", "error"])
            {
                WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true,
            };
            build.Environment.Remove("MAPDASHBOARD_TEST_HOOK");
            using var process = Process.Start(build)!;
            var errors = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"vite build failed: {await errors}");

            Assert.NotEmpty(Scripts(outDir));
            Assert.DoesNotContain(Scripts(outDir), f => File.ReadAllText(f).Contains(HookMarker));
            // The marker is meaningful: the test build the browser tests run on does carry it.
            Assert.Contains(Scripts(Path.Combine(RepositoryPaths.ServerProject, "wwwroot")), f => File.ReadAllText(f).Contains(HookMarker));
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }

    static string[] Scripts(string folder) => Directory.GetFiles(folder, "*.js", SearchOption.AllDirectories);
}
