namespace MapDashboard.Generator.Model;

/// <summary>A hazard / incident category from the seed reports.</summary>
public sealed record Category(string Code, string NameZh, string NameEn, bool ForHazards, bool ForIncidents, int SortOrder);
