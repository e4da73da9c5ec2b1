namespace MapDashboard.Server.Doors;

/// <summary>Which limit and content types an endpoint's body has.</summary>
public enum BodyKind { Json, Pings, Boundary, Open311Form, JsonOrForm, Photos, Import }

/// <summary>
/// Endpoint metadata: the body this endpoint reads. <see cref="RequestDoor"/> enforces it before the handler
/// runs; an endpoint without it that takes POST, PUT or PATCH gets the <see cref="BodyKind.Json"/> rule.
/// </summary>
public sealed record BodyRule(BodyKind Kind)
{
    public static readonly BodyRule Json = new(BodyKind.Json);

    /// <summary>Whether <paramref name="mediaType"/> (no parameters, lower case) is what this body must be.</summary>
    public bool Accepts(string mediaType) => Kind switch
    {
        BodyKind.Open311Form => IsForm(mediaType),
        BodyKind.JsonOrForm => IsJson(mediaType) || mediaType == "application/x-www-form-urlencoded",
        BodyKind.Photos or BodyKind.Import => mediaType == "multipart/form-data",
        _ => IsJson(mediaType),
    };

    /// <summary>The content types the API's document names for this body (the JSON rules also take any other +json type).</summary>
    public IReadOnlyList<string> ContentTypes => Kind switch
    {
        BodyKind.Open311Form => ["application/x-www-form-urlencoded", "multipart/form-data"],
        BodyKind.JsonOrForm => ["application/json", "application/x-www-form-urlencoded"],
        BodyKind.Photos or BodyKind.Import => ["multipart/form-data"],
        BodyKind.Boundary => ["application/json", "application/geo+json"],
        _ => ["application/json"],
    };

    public string Expected => Kind switch
    {
        BodyKind.Open311Form => "application/x-www-form-urlencoded (GeoReport v2), or multipart/form-data with a media file",
        BodyKind.JsonOrForm => "application/json or application/x-www-form-urlencoded",
        BodyKind.Photos => "multipart/form-data with the photos as file parts",
        BodyKind.Import => "multipart/form-data with the district's file as the file part 'file'",
        _ => "application/json",
    };

    static bool IsForm(string mediaType) => mediaType is "application/x-www-form-urlencoded" or "multipart/form-data";

    static bool IsJson(string mediaType) =>
        mediaType == "application/json" || mediaType.StartsWith("application/", StringComparison.Ordinal) && mediaType.EndsWith("+json", StringComparison.Ordinal);
}

/// <summary>Endpoint metadata: refusals on this endpoint are written in Open311's error format, not problem details.</summary>
public sealed class Open311Errors
{
    public static readonly Open311Errors Instance = new();
}

public static class BodyRuleExtensions
{
    public static TBuilder WithBody<TBuilder>(this TBuilder builder, BodyKind kind) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyRule(kind));

    public static TBuilder WithOpen311Errors<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(Open311Errors.Instance);
}
