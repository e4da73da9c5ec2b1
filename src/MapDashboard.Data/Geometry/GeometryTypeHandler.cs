using System.Data;
using Dapper;

namespace MapDashboard.Data.Geometry;

/// <summary>
/// Lets Dapper pass NetTopologySuite geometries through as they are: Npgsql.NetTopologySuite (on every data source,
/// <see cref="DashboardDataSource"/>) writes and reads them as PostGIS geometry. Dapper does not know the type, so
/// without this it would take a geometry for an object to map member by member.
/// </summary>
public sealed class GeometryTypeHandler<T> : SqlMapper.TypeHandler<T> where T : NetTopologySuite.Geometries.Geometry
{
    public override void SetValue(IDbDataParameter parameter, T? value) =>
        parameter.Value = value is null ? DBNull.Value : WithSrid(value);

    public override T? Parse(object value) => value switch
    {
        DBNull => null,
        T geometry => geometry,
        _ => throw new DataException($"expected a PostGIS geometry for {typeof(T).Name}, got {value.GetType().Name}"),
    };

    /// <summary>A geometry without an SRID is a mistake here: every stored geometry has one.</summary>
    public static T WithSrid(T geometry) => geometry.SRID > 0
        ? geometry
        : throw new ArgumentException($"the {geometry.GeometryType} has no SRID; MapDashboard stores EPSG:4326", nameof(geometry));
}

public static class GeometryTypeHandlers
{
    static int _registered;

    /// <summary>Registers the handler for every concrete geometry type; Dapper matches handlers by exact type.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        SqlMapper.AddTypeHandler(new GeometryTypeHandler<NetTopologySuite.Geometries.Geometry>());
        SqlMapper.AddTypeHandler(new GeometryTypeHandler<NetTopologySuite.Geometries.Point>());
        SqlMapper.AddTypeHandler(new GeometryTypeHandler<NetTopologySuite.Geometries.LineString>());
        SqlMapper.AddTypeHandler(new GeometryTypeHandler<NetTopologySuite.Geometries.MultiLineString>());
        SqlMapper.AddTypeHandler(new GeometryTypeHandler<NetTopologySuite.Geometries.Polygon>());
        SqlMapper.AddTypeHandler(new GeometryTypeHandler<NetTopologySuite.Geometries.MultiPolygon>());
    }
}
