using MapDashboard.Data.Accounts;
using Npgsql;

namespace MapDashboard.Server.Auth;

/// <summary>
/// One account per role on the demo district, with fixed passwords listed in the top-level README, so that the
/// demo can be tried at once. Created only on the demo district (Demo:LoadOnStart, the district in the database
/// being the demo's) and only while the database has no account at all: a real deployment never gets them.
/// Without the demo no account exists; the first admin is made with
/// <c>dotnet run --project src/MapDashboard.Tools -- account create-admin</c>.
/// </summary>
public static class DemoAccounts
{
    static readonly string JurisdictionsSql = Data.SqlResource.Beside<AuthOptions>("demo_jurisdictions.sql");

    /// <summary>The demo password of a role: obvious on purpose, for a demo only.</summary>
    public static string PasswordOf(string role) => $"demo-{role}-2026";

    /// <summary>Creates the demo accounts unless any account exists; how many were created.</summary>
    public static async Task<int> EnsureAsync(NpgsqlDataSource db, AccountStore accounts, string demoDistrictCode, CancellationToken cancel)
    {
        if (await accounts.AnyAsync(cancel)) return 0;
        string? district, street, community, worker, workerName;
        await using (var cmd = db.CreateCommand(JurisdictionsSql))
        await using (var reader = await cmd.ExecuteReaderAsync(cancel))
        {
            await reader.ReadAsync(cancel);
            string? At(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            (district, street, community, worker, workerName) = (At(0), At(1), At(2), At(3), At(4));
        }
        if (district != demoDistrictCode || street is null || community is null || worker is null) return 0;

        NewAccount[] demo =
        [
            new("admin", "系统管理员", Roles.Admin, district, null, PasswordOf(Roles.Admin)),
            new("district", "区指挥中心值班员", Roles.District, district, null, PasswordOf(Roles.District)),
            new("display", "指挥中心大屏", Roles.Display, district, null, PasswordOf(Roles.Display)),
            new("street", "街道负责人", Roles.Street, street, null, PasswordOf(Roles.Street)),
            new("community", "社区书记", Roles.Community, community, null, PasswordOf(Roles.Community)),
            new("planner", "巡查规划员", Roles.Planner, community, null, PasswordOf(Roles.Planner)),
            new("worker", $"网格员{workerName}", Roles.Worker, community, worker, PasswordOf(Roles.Worker)),
        ];
        var created = 0;
        foreach (var account in demo)
            if ((await accounts.CreateAsync(account, cancel)).Id is not null) created++;
        return created;
    }

    /// <summary>The code of the district in a demo folder's territory.geojson (the first feature of kind district).</summary>
    public static string? DistrictCodeIn(string directory)
    {
        var path = Path.Combine(directory, "territory.geojson");
        if (!File.Exists(path)) return null;
        using var stream = File.OpenRead(path);
        using var doc = System.Text.Json.JsonDocument.Parse(stream);
        foreach (var feature in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var properties = feature.GetProperty("properties");
            if (properties.TryGetProperty("kind", out var kind) && kind.GetString() == "district")
                return properties.GetProperty("code").GetString();
        }
        return null;
    }
}
