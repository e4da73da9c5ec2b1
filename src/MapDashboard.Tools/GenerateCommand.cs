using System.CommandLine;
using System.Diagnostics;
using MapDashboard.Generator;
using MapDashboard.Generator.Output;

namespace MapDashboard.Tools;

/// <summary><c>generate --size demo|city --seed N --out DIR</c>: writes a generated district as data/README.md specifies.</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var size = new Option<DistrictSize>("--size")
        {
            Description = "demo (committed under data/demo) or city (1,607 grids, ~50,000 buildings)",
            DefaultValueFactory = _ => DistrictSize.Demo,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "random seed; the same seed and size give byte-identical files",
            DefaultValueFactory = _ => DistrictGenerator.DefaultSeed,
        };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "folder to write the files into (created if missing)",
            Required = true,
        };

        var command = new Command("generate", "Generate a deterministic demo district along the Yellow River") { size, seed, output };
        command.SetAction(parse => Run(parse.GetValue(size), parse.GetValue(seed), parse.GetRequiredValue(output)));
        return command;
    }

    private static int Run(DistrictSize size, int seed, DirectoryInfo output)
    {
        var clock = Stopwatch.StartNew();
        var district = DistrictGenerator.Generate(size, seed);
        GeoJsonDistrictWriter.Write(district, output.FullName);
        var counts = Manifest.Of(district).Counts;
        Console.WriteLine($"{size.ToString().ToLowerInvariant()} district, seed {seed}, written to {output.FullName} in {clock.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine(string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}")));
        return 0;
    }
}
