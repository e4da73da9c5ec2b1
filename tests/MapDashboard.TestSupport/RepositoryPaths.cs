namespace MapDashboard.TestSupport;

/// <summary>Folders of the checkout, found by walking up to MapDashboard.sln, wherever the tests run from.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string DemoDistrict => Path.Combine(Root, "data", "demo");

    public static string ServerProject => Path.Combine(Root, "src", "MapDashboard.Server");

    /// <summary>Where tests save screenshots, decoded tiles and other evidence a person may want to look at.</summary>
    public static string TestOutput(string kind)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, kind);
        Directory.CreateDirectory(dir);
        return dir;
    }

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MapDashboard.sln"))) return dir.FullName;
        throw new InvalidOperationException($"MapDashboard.sln not found above {AppContext.BaseDirectory}");
    }
}
