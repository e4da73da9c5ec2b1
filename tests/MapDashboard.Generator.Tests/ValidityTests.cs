using MapDashboard.Generator.Tests.Support;

namespace MapDashboard.Generator.Tests;

/// <summary>Every geometry is valid after rounding, as PostGIS's check constraints will demand.</summary>
[Collection(DemoDistrictCollection.Name)]
public class ValidityTests(DemoDistrictFixture demo)
{
    [Fact]
    public void Every_territory_polygon_is_valid_and_rounded()
    {
        Assert.All(demo.District.Territory, u =>
        {
            Assert.True(u.Boundary.IsValid && !u.Boundary.IsEmpty, $"{u.Code} is invalid");
            Assert.All(u.Boundary.Coordinates, c => Assert.True(Math.Round(c.X, 7) == c.X && Math.Round(c.Y, 7) == c.Y));
        });
    }

    [Fact]
    public void Roads_water_and_hazards_are_valid_and_in_lanzhou()
    {
        Assert.All(demo.District.Roads, r => Assert.True(r.Line.IsValid && r.Line.NumPoints >= 2, $"{r.Name} is invalid"));
        Assert.All(demo.District.Water, w => Assert.True(w.Area.IsValid, $"{w.Name} is invalid"));
        var district = demo.District.Territory[0].Boundary;
        Assert.All(demo.District.Hazards, h => Assert.True(district.Covers(h.Location), $"{h.Code} is outside the district"));
        Assert.InRange(demo.District.Center[0], 103.75, 103.90);
        Assert.InRange(demo.District.Center[1], 36.0, 36.07);
    }

    [Fact]
    public void The_river_lies_north_of_the_district_without_touching_it()
    {
        var district = demo.District.Territory[0].Boundary;
        var river = demo.District.Water.Single(w => w.Kind == "river").Area;

        Assert.False(river.Intersects(district));
        Assert.True(river.EnvelopeInternal.MinY > district.EnvelopeInternal.MinY);
        Assert.True(river.EnvelopeInternal.Width > district.EnvelopeInternal.Width);
    }
}
