using System.Globalization;
using MapDashboard.Server.Layers;

namespace MapDashboard.Server.Ogc;

/// <summary>
/// The query of /ogc/collections/{id}/items, read and checked: limit (1…<see cref="MaxLimit"/>; more is served as
/// the maximum, as OGC API Features Part 1 asks), offset, bbox with bbox-crs, datetime, crs. A value that is wrong
/// is named in <see cref="Problem"/> (a 400), as is a parameter the API does not define.
/// </summary>
public sealed record OgcItemsQuery(int Limit, int Offset, FeatureBox? Box, DateTimeOffset? From, DateTimeOffset? To, OgcCrs Crs)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 10_000;

    /// <summary>Every parameter the items request takes (f: only JSON; reveal: the permission rule's).</summary>
    public static readonly string[] Parameters = ["limit", "offset", "bbox", "bbox-crs", "datetime", "crs", "f", "reveal"];

    public static (OgcItemsQuery? Query, string? Problem) Read(IQueryCollection query, LayerDeclaration layer)
    {
        if (query.Keys.FirstOrDefault(k => !Parameters.Contains(k)) is { } unknown)
            return (null, $"unknown query parameter '{unknown}'; this API takes {string.Join(", ", Parameters)}");
        if (query["f"].ToString() is { Length: > 0 } f && f is not ("json" or "geojson"))
            return (null, $"f={f} is not served; the items are GeoJSON (f=json)");
        var (limit, limitProblem) = Integer(query, "limit", DefaultLimit, 1);
        if (limitProblem is not null) return (null, limitProblem);
        var (offset, offsetProblem) = Integer(query, "offset", 0, 0);
        if (offsetProblem is not null) return (null, offsetProblem);
        var (crs, crsProblem) = ReadCrs(query, "crs");
        if (crsProblem is not null) return (null, crsProblem);
        var (boxCrs, boxCrsProblem) = ReadCrs(query, "bbox-crs");
        if (boxCrsProblem is not null) return (null, boxCrsProblem);
        var (box, boxProblem) = ReadBox(query["bbox"].ToString(), boxCrs!);
        if (boxProblem is not null) return (null, boxProblem);
        if (query.ContainsKey("bbox-crs") && box is null) return (null, "bbox-crs was given without a bbox");
        var (from, to, timeProblem) = OgcDateTime.Read(query["datetime"].ToString());
        if (timeProblem is not null) return (null, timeProblem);
        if ((from ?? to) is not null && layer.TimeProperty is null)
            return (null, $"collection '{layer.Name}' has no time to filter by datetime");
        return (new OgcItemsQuery(Math.Min(limit, MaxLimit), offset, box, from, to, crs!), null);
    }

    static (int Value, string? Problem) Integer(IQueryCollection query, string name, int fallback, int min)
    {
        var text = query[name].ToString();
        if (text.Length == 0) return (fallback, null);
        // Above int's range is still "more than the maximum": served as the maximum.
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min)
            return ((int)Math.Min(value, int.MaxValue), null);
        return (0, $"{name}={text} is not a whole number ≥ {min}");
    }

    static (OgcCrs? Crs, string? Problem) ReadCrs(IQueryCollection query, string name)
    {
        var text = query[name].ToString();
        if (text.Length == 0) return (OgcCrs.Crs84, null);
        return OgcCrs.Parse(text) is { } crs ? (crs, null)
            : (null, $"{name}={text} is not served; use one of {string.Join(", ", OgcCrs.All.Select(c => c.Uri))}");
    }

    /// <summary>minx,miny,maxx,maxy in the axis order of <paramref name="crs"/> (latitude first for EPSG:4326 and 4490).</summary>
    static (FeatureBox? Box, string? Problem) ReadBox(string text, OgcCrs crs)
    {
        if (text.Length == 0) return (null, null);
        var parts = text.Split(',');
        var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : (double?)null).ToList();
        if (parts.Length != 4 || numbers.Any(n => n is null))
            return (null, $"bbox={text} is not four numbers (minimum and maximum of each axis; a 3-D box is not served)");
        var (lonMin, latMin, lonMax, latMax) = crs.LatitudeFirst
            ? (numbers[1]!.Value, numbers[0]!.Value, numbers[3]!.Value, numbers[2]!.Value)
            : (numbers[0]!.Value, numbers[1]!.Value, numbers[2]!.Value, numbers[3]!.Value);
        if (lonMin < -180 || lonMax > 180 || latMin < -90 || latMax > 90)
            return (null, $"bbox={text} leaves the range of longitude (−180…180) or latitude (−90…90) in {crs.Uri}");
        if (latMin > latMax) return (null, $"bbox={text}: the minimum latitude is above the maximum");
        if (lonMin > lonMax) return (null, $"bbox={text}: the minimum longitude is east of the maximum (a box across the antimeridian is not served)");
        return (new FeatureBox(lonMin, latMin, lonMax, latMax, crs.Srid), null);
    }
}
