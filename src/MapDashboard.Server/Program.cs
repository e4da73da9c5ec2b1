using MapDashboard.Server.Coverage;
using MapDashboard.Server.Database;
using MapDashboard.Server.Doors;
using MapDashboard.Server.Endpoints;
using MapDashboard.Server.Incidents;
using MapDashboard.Server.Endpoints.Boundary;
using MapDashboard.Server.Endpoints.Findings;
using MapDashboard.Server.Hosting;
using MapDashboard.Server.Live;
using MapDashboard.Server.Open311;
using MapDashboard.Server.Patrols;
using MapDashboard.Server.Options;
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

var app = builder.Build();
app.UseDoors();
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
app.MapCoverageApi();
app.MapTilesApi();
app.MapLive();
app.MapViews();
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
