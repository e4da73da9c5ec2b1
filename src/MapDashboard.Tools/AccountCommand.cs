using System.CommandLine;
using MapDashboard.Data;
using MapDashboard.Data.Accounts;
using MapDashboard.Data.Migrations;
using MapDashboard.Server.Auth;

namespace MapDashboard.Tools;

/// <summary>
/// <c>account create-admin --user NAME [--display-name TEXT] [--unit CODE] [--connection CS]</c>: the first admin of a
/// deployment without the demo (which starts with no account and no default password). The password is read from
/// the environment variable MAPDASHBOARD_ADMIN_PASSWORD, else from the first line of standard input, never from the
/// command line (other users of the machine can read that).
/// </summary>
public static class AccountCommand
{
    public const string PasswordVariable = "MAPDASHBOARD_ADMIN_PASSWORD";

    public static Command Create()
    {
        var user = new Option<string>("--user") { Description = "the admin's user name", Required = true };
        var displayName = new Option<string?>("--display-name") { Description = "the name shown when signed in (default: the user name)" };
        var unit = new Option<string?>("--unit") { Description = "code of the admin's territory unit (default: the district)" };
        var connection = new Option<string?>("--connection") { Description = ToolConnection.Description };
        var createAdmin = new Command("create-admin", $"Create an admin account; the password comes from {PasswordVariable} or standard input")
            { user, displayName, unit, connection };
        createAdmin.SetAction((parse, cancel) => CreateAdminAsync(parse.GetRequiredValue(user), parse.GetValue(displayName), parse.GetValue(unit),
            ToolConnection.Resolve(parse.GetValue(connection)), cancel));
        return new Command("account", "Accounts of the dashboard") { createAdmin };
    }

    static async Task<int> CreateAdminAsync(string userName, string? displayName, string? unit, string connectionString, CancellationToken cancel)
    {
        var password = ToolConnection.NullIfBlank(Environment.GetEnvironmentVariable(PasswordVariable)) ?? Console.In.ReadLine();
        if (AccountPasswords.Problem(password) is { } weak)
        {
            Console.Error.WriteLine($"account create-admin: {weak} (set {PasswordVariable} or write it on standard input)");
            return 2;
        }
        await using var db = DashboardDataSource.Create(connectionString);
        await MigrationRunner.ApplyAsync(db, cancel);
        if (unit is null)
        {
            await using var cmd = db.CreateCommand("select code from territory_unit where kind = 'district' order by code limit 1");
            unit = await cmd.ExecuteScalarAsync(cancel) as string;
            if (unit is null)
            {
                Console.Error.WriteLine("account create-admin: the database holds no district yet; load one first, or name a unit with --unit");
                return 1;
            }
        }
        var (id, problem) = await new AccountStore(db).CreateAsync(new NewAccount(userName, displayName ?? userName, Roles.Admin, unit, null, password!), cancel);
        if (id is null)
        {
            Console.Error.WriteLine($"account create-admin: {problem}");
            return 1;
        }
        Console.WriteLine($"admin account '{userName}' created (id {id}) on unit {unit}; sign in at /signin");
        return 0;
    }
}
