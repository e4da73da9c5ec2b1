using Npgsql;

namespace MapDashboard.Tools.Bench;

/// <summary>GDAL's command-line tools as the benchmarks use them: a PostGIS connection in GDAL's words, a file's feature count.</summary>
public static class Ogr
{
    /// <summary>The <c>PG:</c> data source of an Npgsql connection string (host, port, user, database).</summary>
    public static string PgSource(string connectionString)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PG:host={cs.Host} port={cs.Port} user={cs.Username} dbname={cs.Database}";
    }

    /// <summary>The features of <paramref name="layer"/> in the file at <paramref name="path"/>, as ogrinfo counts them.</summary>
    public static async Task<long> FeatureCountAsync(string path, string layer)
    {
        var run = (await MeasuredProcess.RunAsync("ogrinfo", ["-ro", "-so", path, layer])).Succeeded("ogrinfo");
        return FeatureCount(run.Output) ?? throw new InvalidOperationException($"ogrinfo printed no feature count for {layer}: {run.Output}");
    }

    /// <summary>The "Feature Count: n" line of an <c>ogrinfo -so</c> run of one layer.</summary>
    public static long? FeatureCount(string ogrinfo) => ogrinfo.Split('\n').Select(l => l.Trim())
        .Where(l => l.StartsWith("Feature Count: ", StringComparison.Ordinal))
        .Select(l => (long?)long.Parse(l["Feature Count: ".Length..])).FirstOrDefault();
}
