using System.Text.Json.Nodes;
using MapDashboard.Data;
using Npgsql;
using NpgsqlTypes;

namespace MapDashboard.Server.Layers;

/// <summary>A box in a CRS: <paramref name="Srid"/>'s own x and y (longitude, latitude for 4326 and 4490 in PostGIS).</summary>
public sealed record FeatureBox(double XMin, double YMin, double XMax, double YMax, int Srid);

/// <summary>
/// What to read of a layer: at most <paramref name="Limit"/> features from <paramref name="Offset"/> (by id), inside
/// a box or a unit's land, in a time interval, one feature by id; written in <paramref name="Srid"/>
/// (latitude first if <paramref name="LatitudeFirst"/>); with <paramref name="Links"/> and, when more follow,
/// a link to <paramref name="NextHref"/>.
/// </summary>
public sealed record FeatureRequest(int Limit, int Offset)
{
    public FeatureBox? Box { get; init; }
    public string? Unit { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public long? Id { get; init; }
    public int Srid { get; init; } = 4326;
    public bool LatitudeFirst { get; init; }
    public JsonArray Links { get; init; } = [];
    public string? NextHref { get; init; }
}

/// <summary>
/// Reads a layer's features (its features.sql) as a GeoJSON FeatureCollection written by PostGIS, with
/// numberMatched and numberReturned: the one reader behind the OGC API and the exports. The answer is as stored;
/// the caller passes it through the permission rule (<see cref="Permissions.PersonalDataAnswer"/>).
/// </summary>
public static class LayerFeatures
{
    static readonly string Template = SqlResource.Beside<LayerDeclaration>("feature_collection.sql");
    static readonly Dictionary<string, string> Sql = LayerCatalog.All.ToDictionary(
        l => l.Name, l => Template.Replace("/*features*/", l.FeaturesSql().TrimEnd().TrimEnd(';')));

    /// <summary>Coordinates in degrees to 7 decimals: about a centimetre, as the live features.</summary>
    const int Digits = 7;

    public static async Task<string> ReadAsync(NpgsqlDataSource db, LayerDeclaration layer, FeatureRequest request, CancellationToken cancel)
    {
        await using var cmd = db.CreateCommand(Sql[layer.Name]);
        var box = request.Box;
        Add(cmd, "bbox_srid", NpgsqlDbType.Integer, box?.Srid);
        Add(cmd, "xmin", NpgsqlDbType.Double, box?.XMin);
        Add(cmd, "ymin", NpgsqlDbType.Double, box?.YMin);
        Add(cmd, "xmax", NpgsqlDbType.Double, box?.XMax);
        Add(cmd, "ymax", NpgsqlDbType.Double, box?.YMax);
        Add(cmd, "unit", NpgsqlDbType.Text, request.Unit);
        Add(cmd, "from", NpgsqlDbType.TimestampTz, request.From?.UtcDateTime);
        Add(cmd, "to", NpgsqlDbType.TimestampTz, request.To?.UtcDateTime);
        Add(cmd, "id", NpgsqlDbType.Bigint, request.Id);
        Add(cmd, "limit", NpgsqlDbType.Integer, request.Limit);
        Add(cmd, "offset", NpgsqlDbType.Integer, request.Offset);
        Add(cmd, "links", NpgsqlDbType.Jsonb, request.Links.ToJsonString());
        Add(cmd, "next", NpgsqlDbType.Text, request.NextHref);
        Add(cmd, "srid", NpgsqlDbType.Integer, request.Srid);
        Add(cmd, "lat_first", NpgsqlDbType.Boolean, request.LatitudeFirst);
        Add(cmd, "digits", NpgsqlDbType.Integer, Digits);
        return (string)(await cmd.ExecuteScalarAsync(cancel))!;
    }

    static void Add(NpgsqlCommand cmd, string name, NpgsqlDbType type, object? value) =>
        cmd.Parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });
}
