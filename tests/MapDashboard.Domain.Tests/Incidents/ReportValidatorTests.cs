using MapDashboard.Domain.Incidents;
using NetTopologySuite.IO;

namespace MapDashboard.Domain.Tests.Incidents;

public class ReportValidatorTests
{
    // A district-sized box around Lanzhou's Chengguan: lon 103.80–103.86, lat 36.03–36.07.
    static readonly ReportValidator Validator = new(
        new WKTReader().Read("POLYGON ((103.80 36.03, 103.86 36.03, 103.86 36.07, 103.80 36.07, 103.80 36.03))"),
        new HashSet<string> { "roof_leak", "blocked_drain" });

    static readonly IncidentReport Good = new("roof_leak", 36.05, 103.83, "water through the ceiling", "https://photos.example/1.jpg", "138-0000-0000");

    static IReadOnlyList<ReportProblem> Check(IncidentReport r) => Validator.Validate(r, ReportValidator.FieldNames.Rest);

    [Fact]
    public void A_complete_report_inside_the_district_passes() => Assert.Empty(Check(Good));

    [Fact]
    public void Optional_fields_may_be_left_out() => Assert.Empty(Check(Good with { Description = null, PhotoUrl = null, Contact = null }));

    [Fact]
    public void A_report_without_a_location_is_refused() =>
        Assert.Equal("a location is required: lat and lon in degrees (WGS84)", Assert.Single(Check(Good with { Latitude = null })).Message);

    [Fact]
    public void A_point_outside_the_district_is_refused() =>
        Assert.Equal("lat 39.9, lon 116.4 is outside the district", Assert.Single(Check(Good with { Latitude = 39.9, Longitude = 116.4 })).Message);

    [Fact]
    public void Swapped_latitude_and_longitude_are_named_as_such()
    {
        var problem = Assert.Single(Check(Good with { Latitude = 103.83, Longitude = 36.05 }));
        Assert.StartsWith("latitude and longitude look swapped", problem.Message);
    }

    [Fact]
    public void A_position_off_the_earth_is_refused() =>
        Assert.Contains("is not a position on Earth", Assert.Single(Check(Good with { Latitude = 136.05 })).Message);

    [Fact]
    public void An_unknown_category_is_refused_by_name() =>
        Assert.Equal("category 'potholes' is not a known category", Assert.Single(Check(Good with { Category = "potholes" })).Message);

    [Fact]
    public void Over_long_text_is_refused_with_its_length() =>
        Assert.Equal($"description has 4001 characters; at most {ReportValidator.MaxDescription}",
            Assert.Single(Check(Good with { Description = new string('漏', 4001) })).Message);

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://photos.example/1.jpg")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative/photo.jpg")]
    public void A_photo_url_a_browser_could_not_load_is_refused(string url) =>
        Assert.Equal("photoUrl", Assert.Single(Check(Good with { PhotoUrl = url })).Field);

    [Fact]
    public void Every_problem_is_reported_at_once_in_the_door_s_own_field_names()
    {
        var problems = Validator.Validate(new IncidentReport("nope", null, null, null, "x", null), ReportValidator.FieldNames.Open311);
        Assert.Equal(["lat/long", "service_code", "media_url"], problems.Select(p => p.Field));
    }
}
