using System.CommandLine;
using MapDashboard.Data;
using MapDashboard.Data.Accounts;
using MapDashboard.Data.Loading;
using MapDashboard.Data.Migrations;
using MapDashboard.TestSupport;
using MapDashboard.Tools;

namespace MapDashboard.IntegrationTests.Auth;

/// <summary>A deployment without the demo has no account; the tool's <c>account create-admin</c> makes the first admin.</summary>
public sealed class FirstAdminTests
{
    [Fact]
    public async Task Without_the_demo_no_account_exists_and_create_admin_makes_one_that_signs_in()
    {
        var connectionString = await TestCluster.CreateDatabaseAsync("first_admin");
        await using var db = DashboardDataSource.Create(connectionString);
        await MigrationRunner.ApplyAsync(db);
        await DistrictLoader.LoadIfEmptyAsync(db, RepositoryPaths.DemoDistrict);
        var accounts = new AccountStore(db);
        Assert.False(await accounts.AnyAsync());

        var root = new RootCommand { AccountCommand.Create() };
        var original = Console.In;
        int exit;
        try
        {
            Console.SetIn(new StringReader("the-first-admin-password\n"));
            exit = await root.Parse(["account", "create-admin", "--user", "chief", "--connection", connectionString]).InvokeAsync();
        }
        finally { Console.SetIn(original); }

        Assert.Equal(0, exit);
        var signIn = await accounts.SignInAsync("chief", "the-first-admin-password");
        Assert.Equal(SignInOutcome.SignedIn, signIn.Outcome);
        Assert.Equal("admin", signIn.Account!.Role);
        Assert.Equal("620102", signIn.Account.UnitCode);
    }
}
