namespace MapDashboard.Server.Doors;

/// <summary>
/// Request body limits in bytes (section Limits), per kind of door. Enforced while the body streams in
/// (Kestrel's per-request maximum), so a large anonymous body costs at most this much memory, never its size.
/// </summary>
public sealed class BodyLimitOptions
{
    public const string Section = "Limits";

    /// <summary>A ping batch: 2,000 pings of ~150 bytes is 300 KB; 2 MB leaves room for verbose devices.</summary>
    public long PingsBodyBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>A boundary of 20,000 vertices written with full double precision is about 1 MB.</summary>
    public long BoundaryBodyBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>An Open311 form: a 4,000-character description in percent-encoded Chinese is ~36 KB.</summary>
    public long Open311BodyBytes { get; set; } = 64 * 1024;

    /// <summary>Every other JSON body (reports, workflow steps, routes of up to 5,000 vertices, settings).</summary>
    public long JsonBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// A photo upload (multipart, also an Open311 post with media): six photos of at most 10 MB each and the form
    /// around them. Each photo's own limit is Photos:MaxBytes, checked with the file named in the refusal.
    /// </summary>
    public long PhotosBodyBytes { get; set; } = 61 * 1024 * 1024;

    /// <summary>A district's file on the admin import page (a zipped Shapefile set, a GeoPackage, a GeoJSON): 200 MB.</summary>
    public long ImportBodyBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Open311 form fields per request (the spec uses about 15).</summary>
    public int Open311FormFields { get; set; } = 64;

    /// <summary>The limit of a body of <paramref name="kind"/> sent as <paramref name="mediaType"/> (an Open311 post with media is multipart).</summary>
    public long BytesFor(BodyKind kind, string mediaType = "") => kind switch
    {
        BodyKind.Pings => PingsBodyBytes,
        BodyKind.Boundary => BoundaryBodyBytes,
        BodyKind.Open311Form => mediaType == "multipart/form-data" ? PhotosBodyBytes : Open311BodyBytes,
        BodyKind.Photos => PhotosBodyBytes,
        BodyKind.Import => ImportBodyBytes,
        _ => JsonBodyBytes,
    };
}
