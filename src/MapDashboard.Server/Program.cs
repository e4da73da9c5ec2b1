using MapDashboard.Server.Audit;
using MapDashboard.Server.Categories;
using MapDashboard.Server.Config;
using MapDashboard.Server.Coverage;
using MapDashboard.Server.Database;
using MapDashboard.Server.Doors;
using MapDashboard.Server.Findings;
using MapDashboard.Server.Grids;
using MapDashboard.Server.Hazards;
using MapDashboard.Server.Health;
using MapDashboard.Server.Hosting;
using MapDashboard.Server.Incidents;
using MapDashboard.Server.Live;
using MapDashboard.Server.Open311;
using MapDashboard.Server.Options;
using MapDashboard.Server.Patrols;
using MapDashboard.Server.Routes;
using MapDashboard.Server.Territory;
using MapDashboard.Server.Tiles;
using MapDashboard.Server.Views;

var builder = WebApplication.CreateBuilder(args);
builder.AddBackgroundSupervision();
builder.AddMapDashboardDatabase();
builder.Services.Configure<MapOptions>(builder.Configuration.GetSection(MapOptions.Section));
builder.AddDoors();
builder.Services.AddTiles();
builder.AddLive();
builder.AddIncidents();
builder.AddPatrols();
builder.AddCoverage();
builder.AddAudit();

var app = builder.Build();
app.UseDoors();
// After routing (UseDoors): endpoint policies such as GET /api/audit's need the endpoint chosen.
app.UseAuthorization();
app.MapHealthApi();
app.MapConfigApi();
app.MapTerritoryApi();
app.MapGridsApi();
app.MapCategoriesApi();
app.MapHazardsApi();
app.MapIncidentsApi();
app.MapIndicatorsApi();
app.MapOpen311Api();
app.MapFindingsApi();
app.MapBoundaryApi();
app.MapPatrolsApi();
app.MapRoutesApi();
app.MapAuditApi();
app.MapTilesApi();
app.MapLive();
app.MapViews();
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
