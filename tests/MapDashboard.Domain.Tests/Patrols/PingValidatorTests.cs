using MapDashboard.Domain.Patrols;

namespace MapDashboard.Domain.Tests.Patrols;

public class PingValidatorTests
{
    // A district around Lanzhou's Chengguan: lon 103.80–103.86, lat 36.03–36.07, plus the margin.
    static readonly PingValidator Validator = new(ServiceArea.AroundDistrict(103.80, 36.03, 103.86, 36.07), PingRules.Default);
    static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(8));
    static readonly PingInput Good = new("P000010", Now.AddMinutes(-1), 103.83, 36.05, 6);

    static IReadOnlyList<PingError> Check(params PingInput[] pings) => Validator.Validate(pings, code => code == "P000010", Now);

    [Fact]
    public void A_complete_ping_inside_the_district_passes() => Assert.Empty(Check(Good));

    [Fact]
    public void Accuracy_may_be_left_out_by_devices_that_do_not_report_it() => Assert.Empty(Check(Good with { Accuracy = null }));

    [Fact]
    public void Latitude_and_longitude_swapped_near_Lanzhou_is_named_as_swapped_not_out_of_range()
    {
        var error = Assert.Single(Check(Good, Good with { Lon = 36.05, Lat = 103.83 }));
        Assert.Equal((1, "lat", PingReasons.SwappedCoordinates), (error.Index, error.Field, error.Reason));
        Assert.Contains("look swapped", error.Message);
    }

    [Theory]
    [InlineData(116.4, 39.9, "lat")]
    [InlineData(104.9, 36.05, "lon")]
    [InlineData(103.83, 95.0, "lat")]
    [InlineData(double.NaN, 36.05, "lon")]
    public void A_position_outside_the_district_is_out_of_range(double lon, double lat, string field)
    {
        var error = Assert.Single(Check(Good with { Lon = lon, Lat = lat }));
        Assert.Equal((field, PingReasons.OutOfRange), (error.Field, error.Reason));
    }

    [Fact]
    public void A_ping_just_over_the_district_line_is_a_position_a_worker_can_be_at() =>
        Assert.Empty(Check(Good with { Lon = 103.86 + 0.01 }));

    [Fact]
    public void Clock_drift_within_the_tolerance_passes_and_beyond_it_is_in_the_future()
    {
        Assert.Empty(Check(Good with { RecordedAt = Now.AddSeconds(119) }));
        var error = Assert.Single(Check(Good with { RecordedAt = Now.AddSeconds(121) }));
        Assert.Equal(("recordedAt", PingReasons.InFuture), (error.Field, error.Reason));
    }

    [Fact]
    public void An_unknown_worker_is_refused_by_code()
    {
        var error = Assert.Single(Check(Good with { Worker = "P999999" }));
        Assert.Equal(("worker", PingReasons.UnknownWorker), (error.Field, error.Reason));
        Assert.Contains("'P999999'", error.Message);
    }

    [Fact]
    public void Every_missing_field_of_every_ping_is_reported_with_its_index()
    {
        var errors = Check(Good, new PingInput(null, null, null, null, null));
        Assert.Equal(["worker", "recordedAt", "lon", "lat"], errors.Select(e => e.Field).ToArray());
        Assert.All(errors, e => Assert.Equal((1, PingReasons.Missing), (e.Index, e.Reason)));
    }

    [Fact]
    public void A_negative_accuracy_is_out_of_range() =>
        Assert.Equal("accuracy", Assert.Single(Check(Good with { Accuracy = -1 })).Field);
}
