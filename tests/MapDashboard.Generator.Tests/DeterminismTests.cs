using MapDashboard.Generator.Output;
using MapDashboard.Generator.Tests.Support;

namespace MapDashboard.Generator.Tests;

public class DeterminismTests
{
    [Fact]
    public void The_same_seed_writes_byte_identical_files()
    {
        using var first = WriteDemo(DistrictGenerator.DefaultSeed);
        using var second = WriteDemo(DistrictGenerator.DefaultSeed);

        foreach (var name in GeoJsonDistrictWriter.FileNames)
            Assert.True(File.ReadAllBytes(first.File(name)).AsSpan().SequenceEqual(File.ReadAllBytes(second.File(name))),
                $"{name} differs between two runs with one seed");
    }

    [Fact]
    public void Another_seed_gives_another_district()
    {
        using var first = WriteDemo(1);
        using var second = WriteDemo(2);

        Assert.NotEqual(File.ReadAllText(first.File("buildings.geojson")), File.ReadAllText(second.File("buildings.geojson")));
    }

    private static TempFolder WriteDemo(int seed)
    {
        var folder = new TempFolder();
        GeoJsonDistrictWriter.Write(DistrictGenerator.Generate(DistrictSize.Demo, seed), folder.Path);
        return folder;
    }
}
