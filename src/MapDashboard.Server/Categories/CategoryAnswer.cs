using MapDashboard.Server.ApiReference;

namespace MapDashboard.Server.Categories;

/// <summary>A category as categories.sql writes it: code, names in both languages, and where it may be used.</summary>
[JsonAnswer]
public sealed record CategoryAnswer(string Code, string NameZh, string? NameEn, bool ForHazards, bool ForIncidents);
