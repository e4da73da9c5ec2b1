using MapDashboard.Data.Geometry;
using Npgsql;

namespace MapDashboard.Data;

/// <summary>
/// Every data source MapDashboard builds (the server, the tools, the tests): PostGIS geometry crosses as
/// NetTopologySuite values (Npgsql.NetTopologySuite) — read with GetFieldValue&lt;Geometry&gt;, bound as a Geometry
/// with its SRID — and Dapper passes them through.
/// </summary>
public static class DashboardDataSource
{
    public static NpgsqlDataSource Create(string connectionString, string? name = null)
    {
        GeometryTypeHandlers.Register();
        var builder = new NpgsqlDataSourceBuilder(connectionString) { Name = name };
        builder.UseNetTopologySuite();
        return builder.Build();
    }
}
