namespace MapDashboard.Tools.Bench;

/// <summary>
/// The page <c>bench wall</c> measures and the account it signs in with: the command centre's wall (a display account;
/// the focus tour off, so the figures are of the district view) or a district leader's desk, /lead, as it opens: the
/// whole district on screen. Issue 19 asks the same frame targets of both.
/// </summary>
public sealed record WallView(string Name, string Path, string Role, string UserName, string DisplayName)
{
    public static readonly WallView Wall = new("wall", "/wall?tour=off", "display", "bench-wall", "Benchmark wall");
    public static readonly WallView Lead = new("lead", "/lead", "district", "bench-lead", "Benchmark desk");

    public static readonly WallView[] All = [Wall, Lead];

    public static WallView Named(string name) => All.FirstOrDefault(v => v.Name == name)
        ?? throw new ArgumentException($"--view {name}: one of {string.Join(", ", All.Select(v => v.Name))}");
}
