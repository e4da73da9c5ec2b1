using MapDashboard.Server.ApiReference;

namespace MapDashboard.Server.Photos;

/// <summary>POST /api/incidents/{code}/photos?action=…: the photos stored for the step, where to fetch them and their size.</summary>
[JsonAnswer]
public sealed record PhotosAdded(string Incident, string Action, IReadOnlyList<PhotoAdded> Photos);

/// <summary>One stored photo (cleaned: upright, no metadata).</summary>
[JsonAnswer]
public sealed record PhotoAdded(string Id, string Action, string Url, string ThumbnailUrl, string ContentType, int Bytes, int Width, int Height);

/// <summary>The upload form as the OpenAPI document describes it: one or more parts named "photo" (JPEG, PNG, HEIC…).</summary>
public sealed record PhotosForm(IReadOnlyList<IFormFile> Photo);
