using System.Reflection;

namespace MapDashboard.Data;

/// <summary>Reads a .sql file embedded beside the code that runs it.</summary>
public static class SqlResource
{
    public static string Read(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"no embedded SQL named {resourceName}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The file <paramref name="fileName"/> in the folder (namespace) of <typeparamref name="TBeside"/>.</summary>
    public static string Beside<TBeside>(string fileName) =>
        Read(typeof(TBeside).Assembly, $"{typeof(TBeside).Namespace}.{fileName}");
}
