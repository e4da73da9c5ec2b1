using System.Text.RegularExpressions;
using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Layers;

/// <summary>The text live_feature builds one layer's features with (Schema/50_live_feature.sql), following a
/// branch that hands over to another feature function of the schema folder (route_feature; findings through
/// live_features to finding_features).</summary>
public static class LiveFeatureText
{
    static readonly string Schema = Path.Combine(RepositoryPaths.Root, "src", "MapDashboard.Data", "Schema");

    public static string Of(string layer)
    {
        var text = File.ReadAllText(Path.Combine(Schema, "50_live_feature.sql"));
        var branch = Regex.Match(text, $@"when '{layer}' then(?<body>.*?)(?=\n    when '|\n    else)", RegexOptions.Singleline);
        Assert.True(branch.Success, $"live_feature has no branch for '{layer}'");
        var body = branch.Groups["body"].Value;
        // A branch may hand over to a function that hands over again (findings: live_features → finding_features).
        for (var handOver = Regex.Match(body, @"\b(\w+_features?)\(");
             handOver.Success && !body.Contains("jsonb_build_object");
             handOver = Regex.Match(body, @"\b(\w+_features?)\("))
            body = FunctionText(handOver.Groups[1].Value);
        return body;
    }

    static string FunctionText(string name)
    {
        foreach (var file in Directory.GetFiles(Schema, "*.sql"))
        {
            var match = Regex.Match(File.ReadAllText(file), $@"create function {name}\(.*?\$\$(?<body>.*?)\$\$", RegexOptions.Singleline);
            if (match.Success) return match.Groups["body"].Value;
        }
        throw new InvalidOperationException($"no schema file defines {name}");
    }
}
