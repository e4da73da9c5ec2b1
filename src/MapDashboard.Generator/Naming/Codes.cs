namespace MapDashboard.Generator.Naming;

/// <summary>
/// The stable identities written to data/ (database ids are not stable). Territory codes nest:
/// district 620102 → street 620102001 → community 620102001001 → grid 620102001001-01 → micro-grid 620102001001-01-1.
/// </summary>
public static class Codes
{
    public const string District = "620102";

    public static string Street(int index) => $"{District}{index + 1:D3}";

    public static string Community(string street, int index) => $"{street}{index + 1:D3}";

    public static string Grid(string community, int index) => $"{community}-{index + 1:D2}";

    public static string MicroGrid(string grid, int index) => $"{grid}-{index + 1}";

    public static string PoliceGrid(int index, int total) => "JG-" + (index + 1).ToString(total > 99 ? "D3" : "D2");

    public static string Building(int index) => $"B{index + 1:D6}";

    public static string Hazard(int index) => $"H{index + 1:D5}";

    public static string Person(int index) => $"P{index + 1:D6}";
}
