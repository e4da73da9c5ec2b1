using MapDashboard.Data;
using MapDashboard.Server.Auth;
using MapDashboard.Server.Http;
using Npgsql;

namespace MapDashboard.Server.Tasks;

/// <summary>
/// GET /api/tasks: the signed-in worker's or volunteer's own tasks (incidents dispatched to the person its account is
/// bound to, not yet resolved), the soonest due first: the list of the field page. An account bound to nobody has none.
/// </summary>
public static class TasksApi
{
    static readonly string MyTasksSql = SqlResource.Beside<Marker>("my_tasks.sql");

    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/tasks", Mine).Produces<IReadOnlyList<MyTask>>().RequireAuthorization(Policies.Read);
        return app;
    }

    static async Task<IResult> Mine(HttpContext context, NpgsqlDataSource db, CancellationToken cancel) =>
        context.User.PersonCode() is { } person
            ? SqlJson.Json((await SqlJson.QueryAsync(db, MyTasksSql, cancel, ("person", person)))!)
            : SqlJson.Json("[]");

    sealed class Marker;
}
