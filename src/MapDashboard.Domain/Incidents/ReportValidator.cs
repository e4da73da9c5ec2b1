using MapDashboard.Domain.Input;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace MapDashboard.Domain.Incidents;

/// <summary>
/// Checks a report before anything is written: a location inside the district
/// (and a hint when latitude and longitude were swapped, the commonest mistake
/// of hand-made clients), a known category, text within bounds, a photo URL that
/// a browser could load. Every problem is reported, not just the first.
/// </summary>
public sealed class ReportValidator(Geometry district, IReadOnlySet<string> categories)
{
    /// <summary>Open311 GeoReport v2 allows descriptions of 4,000 characters; the REST door takes the same.</summary>
    public const int MaxDescription = 4000;
    public const int MaxContact = 200;
    public const int MaxPhotoUrl = 500;

    readonly IPreparedGeometry _district = PreparedGeometryFactory.Prepare(district);

    /// <summary>Field names as the caller's door spells them (REST: lat/lon; Open311: lat/long, service_code, media_url).</summary>
    public sealed record FieldNames(string Category, string Latitude, string Longitude, string Description, string PhotoUrl, string Contact)
    {
        public static FieldNames Rest { get; } = new("category", "lat", "lon", "description", "photoUrl", "contact");
        public static FieldNames Open311 { get; } = new("service_code", "lat", "long", "description", "media_url", "email/phone");
    }

    public IReadOnlyList<ReportProblem> Validate(IncidentReport r, FieldNames names)
    {
        var problems = new List<ReportProblem>();
        CheckLocation(r, names, problems);
        if (string.IsNullOrWhiteSpace(r.Category))
            problems.Add(new(names.Category, $"{names.Category} is required"));
        else if (TextRules.Problem(r.Category, names.Category, TextRules.MaxCode) is { } badCategory)
            problems.Add(new(names.Category, badCategory));
        else if (!categories.Contains(r.Category))
            problems.Add(new(names.Category, $"{names.Category} '{r.Category}' is not a known category"));
        CheckText(r.Description, MaxDescription, names.Description, multiLine: true, problems);
        CheckText(r.Contact, MaxContact, names.Contact, multiLine: false, problems);
        if (!string.IsNullOrEmpty(r.PhotoUrl))
        {
            if (TextRules.Problem(r.PhotoUrl, names.PhotoUrl, MaxPhotoUrl) is { } badUrl)
                problems.Add(new(names.PhotoUrl, badUrl));
            else if (!Uri.TryCreate(r.PhotoUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
                problems.Add(new(names.PhotoUrl, $"{names.PhotoUrl} must be an absolute http or https URL"));
        }
        return problems;
    }

    void CheckLocation(IncidentReport r, FieldNames names, List<ReportProblem> problems)
    {
        if (r.Latitude is not { } lat || r.Longitude is not { } lon)
        {
            problems.Add(new($"{names.Latitude}/{names.Longitude}", $"a location is required: {names.Latitude} and {names.Longitude} in degrees (WGS84)"));
            return;
        }
        var at = $"{names.Latitude}/{names.Longitude}";
        if (!double.IsFinite(lat) || !double.IsFinite(lon))
            problems.Add(new(at, $"{names.Latitude} and {names.Longitude} must be numbers"));
        else if (Inside(lon, lat))
            return;
        // Checked before the range: a swapped pair usually puts ~103 into the latitude.
        else if (Inside(lat, lon))
            problems.Add(new(at, $"latitude and longitude look swapped: ({lat}, {lon}) is outside the district but ({lon}, {lat}) is inside it"));
        else if (lat is < -90 or > 90 || lon is < -180 or > 180)
            problems.Add(new(at, $"{names.Latitude} {lat} / {names.Longitude} {lon} is not a position on Earth"));
        else
            problems.Add(new(at, $"{names.Latitude} {lat}, {names.Longitude} {lon} is outside the district"));
    }

    bool Inside(double lon, double lat) => _district.Covers(district.Factory.CreatePoint(new Coordinate(lon, lat)));

    static void CheckText(string? text, int max, string field, bool multiLine, List<ReportProblem> problems)
    {
        if (TextRules.Problem(text, field, max, multiLine) is { } problem) problems.Add(new(field, problem));
    }
}
