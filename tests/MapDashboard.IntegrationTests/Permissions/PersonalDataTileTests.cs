using System.Net;
using MapDashboard.Domain.Tiles;
using MapDashboard.IntegrationTests.Tiles;
using MapDashboard.Server.Layers;

namespace MapDashboard.IntegrationTests.Permissions;

/// <summary>
/// Vector tiles of every layer with personal data, decoded by GDAL, as the wall display, as a leader outside the
/// features' unit and as the leader inside: only an entitled reveal brings the declared personal properties, and
/// such a tile is kept by no cache.
/// </summary>
[Collection(PermissionCollection.Name)]
public class PersonalDataTileTests(PermissionDistrict district)
{
    readonly PermissionHost _host = district.Host;

    public static TheoryData<string> TiledWithPersonalData => new(LayerCatalog.Tiled.Where(l => l.Personal.Count > 0).Select(l => l.Name));

    // Where each such layer surely has a feature inside the Inside community.
    string Where(string layer) => layer switch
    {
        "tracks" => $"select ST_StartPoint(ST_GeometryN(ST_Force2D(t.path), 1)) from patrol_track t join person p on p.id = t.worker_id where p.code = '{_host.Inside.Worker}' limit 1",
        "findings" => $"select ST_PointOnSurface(f.geom) from finding f join territory_unit c on c.id = f.community_id where c.code = '{_host.Inside.Community}' and f.present and f.status in ('new', 'assigned') order by f.id limit 1",
        _ => throw new Xunit.Sdk.XunitException($"arrange a feature of layer '{layer}' with personal data here"),
    };

    [Fact]
    public void Tracks_tiles_carry_a_worker_s_name_so_the_tile_rule_is_exercised() =>
        Assert.Contains("workerName", LayerCatalog.Find("tracks")!.TilePersonalData);

    [Theory]
    [MemberData(nameof(TiledWithPersonalData))]
    public async Task The_wall_display_never_gets_a_personal_property_in_a_tile_even_asking_to_reveal(string layer)
    {
        var tile = await TileAsync(layer, PermissionHost.Display, reveal: true);
        Assert.Empty(tile.Keys.Intersect(LayerCatalog.Find(layer)!.PersonalData));
        Assert.Contains("private", tile.Response.Headers.CacheControl!.ToString());
    }

    [Theory]
    [MemberData(nameof(TiledWithPersonalData))]
    public async Task A_leader_outside_the_features_unit_gets_no_personal_value_even_asking_to_reveal(string layer)
    {
        // Asking to reveal, an outside leader gets the tile of their jurisdiction: a feature outside it carries no
        // value (the MVT may still name the key, as it names every column).
        foreach (var role in new[] { "community", "street" })
            Assert.Empty((await TileAsync(layer, _host.OutsideLeader(role), reveal: true)).Valued.Intersect(LayerCatalog.Find(layer)!.PersonalData));
        Assert.Empty((await TileAsync(layer, _host.OutsideLeader(), reveal: false)).Keys.Intersect(LayerCatalog.Find(layer)!.PersonalData));
    }

    [Theory]
    [MemberData(nameof(TiledWithPersonalData))]
    public async Task The_leader_inside_gets_them_only_on_reveal_and_such_a_tile_is_never_kept(string layer)
    {
        var declared = LayerCatalog.Find(layer)!;
        var masked = await TileAsync(layer, _host.InsideLeader(), reveal: false);
        Assert.Empty(masked.Keys.Intersect(declared.PersonalData));
        Assert.Contains("max-age", masked.Response.Headers.CacheControl!.ToString());
        Assert.Empty((await TileAsync(layer, TestSignIn.As("planner", _host.Inside.Community), reveal: true)).Keys.Intersect(declared.PersonalData));

        foreach (var account in new[] { _host.InsideLeader("community"), _host.InsideLeader("street"), TestSignIn.As("district", "620102") })
        {
            var revealed = await TileAsync(layer, account, reveal: true);
            Assert.Equal(declared.TilePersonalData.Order(), revealed.Valued.Intersect(declared.PersonalData).Order());
            if (declared.TilePersonalData.Any()) Assert.True(revealed.Response.Headers.CacheControl!.NoStore);
        }
        if (layer == "tracks")
        {
            var revealed = await TileAsync(layer, _host.InsideLeader(), reveal: true);
            Assert.Contains(_host.Inside.WorkerName, revealed.Values);
        }
    }

    sealed record DecodedTile(HashSet<string> Keys, HashSet<string> Valued, HashSet<string> Values, HttpResponseMessage Response);

    async Task<DecodedTile> TileAsync(string layer, Dictionary<string, string> account, bool reveal)
    {
        var (lon, lat) = await PointAsync(Where(layer));
        var at = TileMath.TileFor(lon, lat, 15);
        using var http = _host.As(account);
        var response = await http.GetAsync($"tiles/{layer}/{at.Z}/{at.X}/{at.Y}.mvt" + (reveal ? "?reveal=true" : ""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var features = await OgrTileDecoder.DecodeAsync(await response.Content.ReadAsByteArrayAsync(), at, $"permissions-{layer}-{Guid.NewGuid():N}");
        Assert.NotEmpty(features);
        // GDAL lists every key of the layer on each feature, "(null)" where a feature has no value.
        var properties = features.SelectMany(f => f.Properties).ToList();
        return new DecodedTile(properties.Select(p => p.Key).ToHashSet(),
            properties.Where(p => p.Value != "(null)").Select(p => p.Key).ToHashSet(),
            properties.Select(p => p.Value).ToHashSet(), response);
    }

    async Task<(double Lon, double Lat)> PointAsync(string where)
    {
        await using var conn = await _host.Db.OpenConnectionAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"select ST_X(p), ST_Y(p) from ({where}) w(p)";
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"nothing on the layer: {where}");
        return (reader.GetDouble(0), reader.GetDouble(1));
    }
}
