namespace MapDashboard.Server.Photos;

/// <summary>Where a photo and its thumbnail are served (GET /api/photos/{id}[/thumbnail]); incident_detail.sql writes the same paths.</summary>
public static class PhotoUrls
{
    public const string Prefix = "/api/photos/";

    public static string Picture(string id) => Prefix + id;

    public static string Thumbnail(string id) => Prefix + id + "/thumbnail";

    /// <summary>The absolute URL of this server's photo path prefix, as a request reached it (Open311's media_url is a full URL).</summary>
    public static string AbsolutePrefix(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{Prefix}";
}
