using System.Text.Json;
using MapDashboard.Server.ApiReference;
using MapDashboard.Server.Http;

namespace MapDashboard.Server.Grids;

// The grid panel as grid_panel.sql writes it.

/// <summary>GET /api/grids/{code}: the grid's card and its features (the grid itself, its buildings and hazards).</summary>
[JsonAnswer]
public sealed record GridPanel(string Type, GridCard Grid, IReadOnlyList<GeoJsonFeature<GridPanelFeature>> Features);

/// <summary>The grid's card: where it is, its status and why, who looks after it, what is in it.</summary>
[JsonAnswer]
public sealed record GridCard(string Code, string Name, string Kind, string? Status, JsonElement? Reasons, double?[] Bbox, CodeName? Community,
    CodeName? Street, GridWorker? GridWorker, int BuildingCount, int Households, int Residents, int HazardCount, int OpenHazardCount);

/// <summary>The grid worker (name and phone masked unless the account is entitled).</summary>
[JsonAnswer]
public sealed record GridWorker(string Code, string? Name, string? Phone);

/// <summary>A feature of the panel: layer "grid", "building" or "hazard", each with its own properties.</summary>
[JsonAnswer]
public sealed record GridPanelFeature(string Layer, string Code, string? Name = null, string? Kind = null, string? Status = null,
    int? Households = null, int? Residents = null, string? OwnerName = null, string? ManagerName = null, string? Category = null,
    string? CategoryName = null, string? Severity = null, string? Description = null);
