using MapDashboard.Data.Accounts;
using MapDashboard.Tools.Bench;
using Microsoft.Playwright;
using Npgsql;
using Expect = Microsoft.Playwright.Assertions;

namespace MapDashboard.BrowserTests.Infrastructure;

/// <summary>Grid workers signing in to /field: a worker account bound to a person, its password known to the test.</summary>
public static class FieldWorkers
{
    const string Password = "field-test-password";

    /// <summary>A fresh worker account bound to <paramref name="person"/>, in the community holding the person's grid.</summary>
    public static async Task<BrowserAccount.Account> AccountAsync(NpgsqlDataSource db, string person)
    {
        var userName = $"field-{person}-{Guid.NewGuid():N}"[..40];
        await using var cmd = db.CreateCommand(
            "select c.code from person p join territory_unit u on u.id = p.unit_id join territory_unit c on c.kind = 'community' and ST_Covers(c.boundary, ST_PointOnSurface(u.boundary)) where p.code = @p limit 1");
        cmd.Parameters.AddWithValue("p", person);
        var community = (string)(await cmd.ExecuteScalarAsync())!;
        var (id, problem) = await new AccountStore(db).CreateAsync(new NewAccount(userName, "网格员测试", "worker", community, person, Password));
        Assert.True(id is not null, problem);
        return new(userName, Password);
    }

    /// <summary>The card of a task in the worker's list.</summary>
    public static ILocator Card(MapPage page, string code) => page.Page.Locator($"[data-testid=field-task][data-code='{code}']");

    /// <summary>Until the outbox has sent everything ("已全部上传").</summary>
    public static async Task WaitAllSentAsync(MapPage page) =>
        await Expect.Expect(page.Page.Locator("[data-testid=field-pending]")).ToHaveTextAsync("已全部上传", new() { Timeout = 30_000 });

    /// <summary>Opens the accepted task's resolve form and fills it with a note and one phone photo (not yet sent).</summary>
    public static async Task FillResolutionAsync(ILocator card, string note, int photoSeed)
    {
        await card.Locator("[data-testid=field-resolve]").ClickAsync();
        await card.Locator("[data-testid=field-resolve-note]").FillAsync(note);
        await card.Locator("[data-testid=field-photos]").SetInputFilesAsync(new FilePayload
        {
            Name = $"IMG_{photoSeed:D4}.jpg", MimeType = "image/jpeg", Buffer = PhonePhotos.Jpeg(photoSeed, 320, 240),
        });
    }
}
