using MapDashboard.Domain.Patrols;

namespace MapDashboard.Domain.Tests.Patrols;

public class RouteValidatorTests
{
    static readonly RouteValidator Validator = new(ServiceArea.AroundDistrict(103.80, 36.03, 103.86, 36.07));

    static IReadOnlyList<string> Check(string? name, params double[][] path) => Validator.Validate(new RouteDraft(name, path));

    [Fact]
    public void A_named_line_inside_the_district_passes() => Assert.Empty(Check("早巡", [103.83, 36.05], [103.831, 36.05]));

    [Fact]
    public void A_route_may_cross_itself() =>
        Assert.Empty(Check("sweep", [103.83, 36.05], [103.831, 36.051], [103.831, 36.05], [103.83, 36.051]));

    [Fact]
    public void Every_problem_is_named()
    {
        Assert.Equal(["name is required"], Check(" ", [103.83, 36.05], [103.831, 36.05]));
        Assert.Equal(["path has 1 vertex; a route needs at least 2"], Check("r", [103.83, 36.05]));
        Assert.Equal(["path is not a valid line: its vertices are all the same point (zero length)"], Check("r", [103.83, 36.05], [103.83, 36.05]));
        Assert.Equal(["path vertex 1 [36.05, 103.831]: longitude and latitude look swapped (GeoJSON is [lon, lat])"],
            Check("r", [103.83, 36.05], [36.05, 103.831]));
        Assert.Equal(["path vertex 0 [116.4, 39.9] is outside the district"], Check("r", [116.4, 39.9], [103.831, 36.05]));
        Assert.Equal(["path vertex 0 must be [lon, lat] in degrees"], Check("r", [103.83], [103.831, 36.05]));
        Assert.Equal(["path is required: a GeoJSON LineString in EPSG:4326"], Validator.Validate(new RouteDraft("r", null)));
    }
}
