using MapDashboard.Data;
using Microsoft.AspNetCore.SignalR;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Npgsql;

namespace MapDashboard.Server.Live;

/// <summary>A resolved subscription area: a key shared by clients watching the same place, and its prepared geometry (null: the whole database).</summary>
public sealed record SubscriptionArea(string Key, IPreparedGeometry? Geometry)
{
    static readonly string AreaSql = SqlResource.Beside<SubscriptionArea>("area.sql");
    static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);
    static readonly Dictionary<string, string[]> KindsByAreaKind = new()
    {
        ["district"] = ["district"],
        ["street"] = ["street"],
        ["community"] = ["community"],
        ["grid"] = ["community_grid", "dedicated_grid", "micro_grid", "police_grid"],
    };

    public static readonly SubscriptionArea Everywhere = new("*", null);

    /// <summary>Resolves what the client asked for, or throws a HubException whose message says what is wrong.</summary>
    public static async Task<SubscriptionArea> ResolveAsync(AreaSpec? spec, NpgsqlDataSource db, CancellationToken cancel)
    {
        if (spec is null) return Everywhere;
        var kind = spec.Kind?.Trim().ToLowerInvariant();
        if (kind == "bbox") return FromBbox(spec.Bbox);
        if (kind is null || !KindsByAreaKind.TryGetValue(kind, out var unitKinds))
            throw new HubException($"area kind '{spec.Kind}' is unknown; use district, street, community, grid or bbox");
        if (string.IsNullOrWhiteSpace(spec.Id))
            throw new HubException($"area of kind {kind} needs id: the unit's code");

        await using var cmd = db.CreateCommand(AreaSql);
        cmd.Parameters.AddWithValue("code", spec.Id);
        await using var reader = await cmd.ExecuteReaderAsync(cancel);
        if (!await reader.ReadAsync(cancel))
            throw new HubException($"no {kind} has code '{spec.Id}'");
        if (!unitKinds.Contains(reader.GetString(0)))
            throw new HubException($"'{spec.Id}' is a {reader.GetString(0)}, not a {kind}");
        var boundary = reader.GetFieldValue<Geometry>(1);
        return new SubscriptionArea($"{kind}:{spec.Id}", PreparedGeometryFactory.Prepare(boundary));
    }

    static SubscriptionArea FromBbox(double[]? bbox)
    {
        if (bbox is not { Length: 4 })
            throw new HubException("bbox must be [minLon, minLat, maxLon, maxLat]");
        var (minLon, minLat, maxLon, maxLat) = (bbox[0], bbox[1], bbox[2], bbox[3]);
        if (bbox.Any(v => double.IsNaN(v) || double.IsInfinity(v)))
            throw new HubException("bbox values must be finite numbers");
        if (Math.Abs(minLat) > 90 || Math.Abs(maxLat) > 90)
            throw new HubException(Math.Abs(minLon) <= 90 && Math.Abs(maxLon) <= 90
                ? $"bbox latitude {minLat}/{maxLat} is beyond ±90: latitude and longitude look swapped; the order is [minLon, minLat, maxLon, maxLat]"
                : $"bbox latitude {minLat}/{maxLat} is beyond ±90");
        if (Math.Abs(minLon) > 180 || Math.Abs(maxLon) > 180)
            throw new HubException($"bbox longitude {minLon}/{maxLon} is beyond ±180");
        if (minLon >= maxLon || minLat >= maxLat)
            throw new HubException("bbox must have minLon < maxLon and minLat < maxLat");
        var envelope = Wgs84.ToGeometry(new Envelope(minLon, maxLon, minLat, maxLat));
        return new SubscriptionArea(FormattableString.Invariant($"bbox:{minLon},{minLat},{maxLon},{maxLat}"), PreparedGeometryFactory.Prepare(envelope));
    }
}
