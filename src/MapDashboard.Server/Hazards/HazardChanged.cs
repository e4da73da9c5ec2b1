using MapDashboard.Server.ApiReference;

namespace MapDashboard.Server.Hazards;

/// <summary>PATCH /api/hazards/{code}: the hazard's status and severity after the change (hazard_update.sql).</summary>
[JsonAnswer]
public sealed record HazardChanged(string Code, string Status, string Severity);
