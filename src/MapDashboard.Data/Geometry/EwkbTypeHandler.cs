using System.Data;
using Dapper;
using NpgsqlTypes;
using Npgsql;

namespace MapDashboard.Data.Geometry;

/// <summary>
/// Lets Dapper map NTS geometries both ways through EWKB bytes. SQL must still
/// say ST_GeomFromEWKB(@param) when writing and ST_AsEWKB(column) when reading:
/// the handler only converts the bytes.
/// </summary>
public sealed class EwkbTypeHandler<T> : SqlMapper.TypeHandler<T> where T : NetTopologySuite.Geometries.Geometry
{
    public override void SetValue(IDbDataParameter parameter, T? value)
    {
        parameter.Value = value is null ? DBNull.Value : Ewkb.Write(value);
        if (parameter is NpgsqlParameter npgsql) npgsql.NpgsqlDbType = NpgsqlDbType.Bytea;
    }

    public override T? Parse(object value) => value switch
    {
        DBNull => null,
        byte[] bytes => (T)Ewkb.Read(bytes),
        _ => throw new DataException($"expected EWKB bytes for {typeof(T).Name}, got {value.GetType().Name}"),
    };
}

public static class EwkbTypeHandlers
{
    static int _registered;

    /// <summary>Registers the handler for every concrete geometry type; Dapper matches handlers by exact type.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        SqlMapper.AddTypeHandler(new EwkbTypeHandler<NetTopologySuite.Geometries.Geometry>());
        SqlMapper.AddTypeHandler(new EwkbTypeHandler<NetTopologySuite.Geometries.Point>());
        SqlMapper.AddTypeHandler(new EwkbTypeHandler<NetTopologySuite.Geometries.LineString>());
        SqlMapper.AddTypeHandler(new EwkbTypeHandler<NetTopologySuite.Geometries.MultiLineString>());
        SqlMapper.AddTypeHandler(new EwkbTypeHandler<NetTopologySuite.Geometries.Polygon>());
        SqlMapper.AddTypeHandler(new EwkbTypeHandler<NetTopologySuite.Geometries.MultiPolygon>());
    }
}
