using MapDashboard.IntegrationTests.Demo;
using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Findings;

/// <summary>The loaded demo district yields exactly the trouble its manifest says was planted, and nothing else.</summary>
[Collection(DemoDistrictCollection.Name)]
public class DemoFindingsTests(DashboardHost host)
{
    readonly DemoManifest _manifest = DemoManifest.Load();

    [Fact]
    public async Task The_demo_district_yields_its_planted_findings_and_no_others()
    {
        await using var conn = await host.Db.OpenConnectionAsync();
        var found = await FindingRow.PresentAsync(conn);
        List<FindingRow> Of(string kind) => found.Where(f => f.Kind == kind).ToList();

        var gaps = _manifest.Gaps.ToList();
        Assert.Equal(gaps.Count, Of("gap").Count);
        foreach (var gap in gaps)
        {
            var parent = gap.GetProperty("parent_code").GetString()!;
            var near = gap.GetProperty("near_codes").EnumerateArray().Select(c => c.GetString()!).ToList();
            var finding = Assert.Single(Of("gap"), f => f.Units[0] == parent && near.All(f.Units.Contains));
            var expected = gap.GetProperty("area_m2").GetDouble();
            Assert.InRange(finding.AreaM2!.Value, expected * 0.999, expected * 1.001);
        }

        var overlaps = _manifest.Overlaps.ToList();
        Assert.Equal(overlaps.Count, Of("overlap").Count);
        foreach (var overlap in overlaps)
        {
            var codes = overlap.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).Order().ToArray();
            var finding = Assert.Single(Of("overlap"), f => f.Units.Order().SequenceEqual(codes));
            var expected = overlap.GetProperty("area_m2").GetDouble();
            Assert.InRange(finding.AreaM2!.Value, expected * 0.999, expected * 1.001);
        }

        Assert.Equal(_manifest.Codes("straddling_buildings").Order(), Of("straddle").Select(f => f.Asset!).Order());
        Assert.Equal(_manifest.Codes("ownerless_buildings").Concat(_manifest.Codes("ownerless_hazards")).Order(),
            Of("ownerless").Select(f => f.Asset!).Order());
        Assert.Equal(_manifest.Codes("unmanaged_buildings").Order(), Of("unmanaged").Select(f => f.Asset!).Order());
        Assert.Equal(_manifest.Disputed.Select(d => $"{d.GetProperty("asset_code").GetString()}:{string.Join(",", d.GetProperty("organisation_codes").EnumerateArray().Select(o => o.GetString()).Order())}").Order(),
            Of("disputed").Select(f => $"{f.Asset}:{string.Join(",", f.Orgs)}").Order());

        var police = _manifest.Deliberate.GetProperty("police_mismatch").EnumerateArray()
            .Select(p => $"{p.GetProperty("police_code").GetString()}:{string.Join(",", p.GetProperty("community_codes").EnumerateArray().Select(c => c.GetString()).Order())}")
            .Order();
        Assert.Equal(police, Of("police_mismatch").Select(f => $"{f.Units[0]}:{string.Join(",", f.Units.Skip(1).Order())}").Order());

        Assert.Empty(Of("boundary_hazard"));
        Assert.All(found, f => Assert.NotNull(f.DefaultOwner));
    }
}
