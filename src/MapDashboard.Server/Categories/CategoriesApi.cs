using MapDashboard.Data;
using MapDashboard.Server.Http;
using Npgsql;

namespace MapDashboard.Server.Categories;

public static class CategoriesApi
{
    static readonly string ListSql = SqlResource.Beside<Marker>("categories.sql");

    public static IEndpointRouteBuilder MapCategoriesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/categories", async (NpgsqlDataSource db, CancellationToken cancel) =>
            SqlJson.Json((await SqlJson.QueryAsync(db, ListSql, cancel))!)).Produces<IReadOnlyList<CategoryAnswer>>().RequireAuthorization(Auth.Policies.Read);
        return app;
    }

    sealed class Marker;
}
