using MapDashboard.Domain.Patrols;
using MapDashboard.Server.Http;

namespace MapDashboard.Server.Coverage;

/// <summary>The problems every coverage endpoint names alike.</summary>
public static class CoverageProblems
{
    public static IResult UnknownGrid(string code) =>
        Problems.NotFound("Unknown grid", $"no community, dedicated or micro grid has code '{code}'");

    public static IResult UnknownWorker(string code) => Problems.NotFound("Unknown worker", $"no person has code '{code}'");

    public static IResult UnknownWindow(string? name) => Problems.BadRequest("Unknown window", $"window '{name}' is not one of {string.Join(", ", CoverageWindow.Names)}");

    public static IResult BadDate(string problem) => Problems.BadRequest("Bad date", problem);
}
