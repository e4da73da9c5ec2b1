namespace MapDashboard.Domain.Patrols;

/// <summary>
/// Where a ping may lie: the district's bounding box grown by a margin, since a
/// worker may step over the district line (a road on the border) but a fix 50 km
/// away is a broken device, not a patrol.
/// </summary>
public sealed record ServiceArea(double MinLon, double MinLat, double MaxLon, double MaxLat)
{
    /// <summary>About 5 km around Lanzhou's latitude.</summary>
    public const double MarginDegrees = 0.05;

    /// <summary>Any valid WGS84 position: used when no district is loaded yet.</summary>
    public static ServiceArea World { get; } = new(-180, -90, 180, 90);

    public static ServiceArea AroundDistrict(double minLon, double minLat, double maxLon, double maxLat) =>
        new(minLon - MarginDegrees, minLat - MarginDegrees, maxLon + MarginDegrees, maxLat + MarginDegrees);

    public bool Contains(double lon, double lat) => lon >= MinLon && lon <= MaxLon && lat >= MinLat && lat <= MaxLat;
}
