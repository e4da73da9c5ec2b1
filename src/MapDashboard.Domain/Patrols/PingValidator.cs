using MapDashboard.Domain.Input;

namespace MapDashboard.Domain.Patrols;

/// <summary>
/// The rejecting tier of ping validation: a ping that cannot be a position at
/// all (a field missing, outside the world or the district, latitude and
/// longitude swapped, recorded in the future, from nobody we know). Every
/// problem of every ping is reported with its index, so a device can drop or
/// fix exactly those and resubmit. Doubtful but possible pings are not refused
/// here: <see cref="PingJudge"/> flags them.
/// </summary>
public sealed class PingValidator(ServiceArea area, PingRules rules)
{
    /// <summary>A reported accuracy worse than this is not a fix at all (and would overflow the stored real).</summary>
    public const double MaxAccuracyMetres = 100_000;

    public IReadOnlyList<PingError> Validate(IReadOnlyList<PingInput> pings, Func<string, bool> isKnownWorker, DateTimeOffset now)
    {
        var errors = new List<PingError>();
        for (var i = 0; i < pings.Count; i++) Check(i, pings[i], isKnownWorker, now, errors);
        return errors;
    }

    void Check(int i, PingInput p, Func<string, bool> isKnownWorker, DateTimeOffset now, List<PingError> errors)
    {
        if (string.IsNullOrWhiteSpace(p.Worker))
            errors.Add(new(i, "worker", PingReasons.Missing, $"ping {i}: worker (a person code) is required"));
        else if (!isKnownWorker(p.Worker))
            errors.Add(new(i, "worker", PingReasons.UnknownWorker, $"ping {i}: no grid worker has code '{p.Worker}'"));

        if (p.RecordedAt is not { } at)
            errors.Add(new(i, "recordedAt", PingReasons.Missing, $"ping {i}: recordedAt (ISO-8601 with offset) is required"));
        else if (TimeRules.EventProblem(at, $"ping {i}: recordedAt", now, rules.FutureTolerance) is { } late)
            errors.Add(new(i, "recordedAt", at < TimeRules.Earliest ? PingReasons.OutOfRange : PingReasons.InFuture, late));

        CheckPosition(i, p, errors);

        if (NumberRules.Problem(p.Accuracy, $"ping {i}: accuracy (metres)", 0, MaxAccuracyMetres) is { } accuracy)
            errors.Add(new(i, "accuracy", PingReasons.OutOfRange, accuracy));
    }

    void CheckPosition(int i, PingInput p, List<PingError> errors)
    {
        if (p.Lon is not { } lon)
            errors.Add(new(i, "lon", PingReasons.Missing, $"ping {i}: lon (degrees east, WGS84) is required"));
        if (p.Lat is not { } lat)
            errors.Add(new(i, "lat", PingReasons.Missing, $"ping {i}: lat (degrees north, WGS84) is required"));
        if (p.Lon is null || p.Lat is null) return;
        (lon, lat) = (p.Lon.Value, p.Lat.Value);

        if (area.Contains(lon, lat)) return;
        // Checked before the range: near Lanzhou a swapped pair puts ~103.8 into the latitude,
        // which is out of range too, and "swapped" is the message that helps the device's author.
        if (area.Contains(lat, lon))
        {
            errors.Add(new(i, "lat", PingReasons.SwappedCoordinates,
                $"ping {i}: lat {lat} and lon {lon} look swapped (lon {lat}, lat {lon} would be in the district)"));
            return;
        }
        var field = !double.IsFinite(lat) || lat < area.MinLat || lat > area.MaxLat ? "lat" : "lon";
        errors.Add(new(i, field, PingReasons.OutOfRange,
            $"ping {i}: lon {lon}, lat {lat} is outside the district (lon {area.MinLon:F3}…{area.MaxLon:F3}, lat {area.MinLat:F3}…{area.MaxLat:F3})"));
    }
}
