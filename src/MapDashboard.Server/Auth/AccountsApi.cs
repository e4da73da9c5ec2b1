using MapDashboard.Data.Audit;
using MapDashboard.Data.Accounts;
using MapDashboard.Domain.Input;
using MapDashboard.Server.Http;

namespace MapDashboard.Server.Auth;

/// <summary>
/// Admin only: POST /api/accounts creates an account; POST /api/accounts/{userName}/revoke ends it and every
/// credential of it at once, open hub connections included.
/// </summary>
public static class AccountsApi
{
    public sealed record AccountBody(string? UserName, string? DisplayName, string? Role, string? Unit, string? Person, string? Password);

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/accounts").RequireAuthorization(Policies.Admin);
        api.MapPost("/", Create).Produces<AccountCreated>(StatusCodes.Status201Created);
        api.MapPost("/{userName}/revoke", Revoke).Produces<AccountRevoked>();
        return app;
    }

    static async Task<IResult> Create(AccountBody? body, AccountStore accounts, AuditScope who, CancellationToken cancel)
    {
        if (body is null) return Problems.BadRequest("No account", "send {userName, displayName, role, unit, person?, password}");
        var problem = TextRules.FirstProblem(("userName", body.UserName, TextRules.MaxName, false), ("displayName", body.DisplayName, TextRules.MaxName, false),
                          ("unit", body.Unit, TextRules.MaxCode, false), ("person", body.Person, TextRules.MaxCode, false))
                      ?? (string.IsNullOrWhiteSpace(body.UserName) ? "userName is required"
                          : body.UserName.Any(char.IsWhiteSpace) ? "userName may not hold spaces"
                          : string.IsNullOrWhiteSpace(body.Unit) ? "unit (the code of the account's territory unit) is required"
                          : !Roles.All.Contains(body.Role) ? $"role must be one of {string.Join(", ", Roles.All)}"
                          : body.Role == Roles.Worker && string.IsNullOrWhiteSpace(body.Person) ? "a worker account must name its person (a grid worker's code)"
                          : AccountPasswords.Problem(body.Password));
        if (problem is not null) return Problems.BadRequest("Invalid account", problem);

        var account = new NewAccount(body.UserName!, string.IsNullOrWhiteSpace(body.DisplayName) ? body.UserName! : body.DisplayName, body.Role!, body.Unit!,
            string.IsNullOrWhiteSpace(body.Person) ? null : body.Person, body.Password!);
        var (id, refused) = await accounts.As(who).CreateAsync(account, cancel);
        if (id is null) return Problems.BadRequest("Invalid account", refused!);
        return TypedResults.Created($"/api/accounts/{Uri.EscapeDataString(account.UserName)}",
            new AccountCreated(id.Value, account.UserName, account.DisplayName, account.Role, account.UnitCode, account.PersonCode));
    }

    static async Task<IResult> Revoke(string userName, AccountStore accounts, AuditScope who, HubConnections hub, CancellationToken cancel)
    {
        if (await accounts.As(who).RevokeAccountAsync(userName, cancel) is not { } id)
            return Problems.NotFound("Unknown account", $"no account '{userName}'");
        var closed = hub.CloseAccount(id);
        return TypedResults.Ok(new AccountRevoked(userName, true, closed));
    }
}
