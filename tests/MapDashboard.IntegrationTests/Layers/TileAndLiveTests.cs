using System.Net;
using System.Text.Json;
using MapDashboard.Data;
using MapDashboard.Domain.Tiles;
using MapDashboard.IntegrationTests.Tiles;
using MapDashboard.Server.Layers;

namespace MapDashboard.IntegrationTests.Layers;

/// <summary>
/// For every layer, on real data: the properties of its features in a tile (decoded by GDAL) and in a live
/// change (change_log.feature, after an edit made with SQL) are the declared ones — the tile's less exactly
/// the omissions its declaration gives a reason for.
/// </summary>
public class TileAndLiveTests(LayerDistrict district) : IClassFixture<LayerDistrict>
{
    readonly HttpClient _http = district.Host.CreateRealClient();

    public static TheoryData<string> Layers => new(LayerCatalog.All.Select(l => l.Name));

    // Where a layer surely has a feature (a point on one), and an edit its capture trigger streams.
    static readonly Dictionary<string, (string Where, string? Edit)> Arranged = new()
    {
        ["water"] = ("select ST_PointOnSurface(geom) from base_water order by id limit 1", null),
        ["roads"] = ("select ST_PointOnSurface(geom) from base_road order by id limit 1", null),
        ["territory"] = ("select ST_PointOnSurface(boundary) from territory_unit where kind = 'community' order by code limit 1",
            "update territory_unit set name = name || '·' where id = (select id from territory_unit where kind = 'community' order by code limit 1)"),
        ["grids"] = ("select ST_PointOnSurface(boundary) from territory_unit where kind = 'community_grid' order by code limit 1",
            "update territory_unit set name = name || '·' where id = (select id from territory_unit where kind = 'community_grid' order by code limit 1)"),
        ["buildings"] = ("select ST_PointOnSurface(footprint) from building order by id limit 1",
            "update building set households = households + 1 where id = (select min(id) from building)"),
        ["hazards"] = ("select location from hazard order by id limit 1",
            "update hazard set description = coalesce(description, '') || '·' where id = (select min(id) from hazard)"),
        ["findings"] = ("select ST_PointOnSurface(geom) from finding where present and status in ('new', 'assigned') order by id limit 1",
            "update finding set assignee = 'layer test' where id = (select min(id) from finding where present and status = 'new')"),
        // The incident and the route were made through the API (LayerHost); these edits stream them again.
        ["incidents"] = ("select location from incident where stage <> 'closed' order by id limit 1",
            "update incident set description = description || '·' where id = (select min(id) from incident)"),
        ["routes"] = ("", "update patrol_route set name = name || '·' where id = (select min(id) from patrol_route)"),
        // Tracks, coverage and unvisited are not live; the walk today made them (LayerHost).
        ["tracks"] = ("select ST_StartPoint(ST_GeometryN(ST_Force2D(path), 1)) from patrol_track order by worker_id limit 1", null),
        ["coverage"] = ("select ST_PointOnSurface(covered) from grid_coverage_day where day = patrol_today() limit 1", null),
        ["unvisited"] = ("select a.location from patrol_asset a join territory_unit g on patrol_grid_kind(g.kind) and ST_Covers(g.boundary, a.location) order by a.kind, a.id limit 1", null),
        // Positions are published from the walk's pings (PositionPublisher), not edited.
        ["workers"] = ("", null),
    };

    [Fact]
    public void Every_declared_layer_is_arranged_here() =>
        Assert.Equal(LayerCatalog.All.Select(l => l.Name).Order(), Arranged.Keys.Order());

    [Theory]
    [MemberData(nameof(Layers))]
    public async Task A_features_properties_in_a_tile_and_in_a_live_change_are_the_declared_set(string name)
    {
        var layer = LayerCatalog.Find(name)!;
        var tile = layer.HasTiles ? await TilePropertiesAsync(layer) : null;
        var live = layer.Live ? await LivePropertiesAsync(layer) : null;

        if (live is not null) Assert.Equal(layer.Properties.Order(StringComparer.Ordinal), live.Order(StringComparer.Ordinal));
        if (tile is not null) Assert.Equal(layer.TileProperties.Order(StringComparer.Ordinal), tile.Order(StringComparer.Ordinal));
        // The point of it: what a live upsert replaces a tile's feature with holds the same properties,
        // and more only where the declaration says why.
        if (tile is not null && live is not null)
            Assert.Equal(live.Order(StringComparer.Ordinal), tile.Concat(layer.TileOmits.Keys).Order(StringComparer.Ordinal));
    }

    async Task<HashSet<string>> TilePropertiesAsync(LayerDeclaration layer)
    {
        var (lon, lat) = await PointAsync(Arranged[layer.Name].Where);
        var at = TileMath.TileFor(lon, lat, Math.Max(14, layer.MinZoom!.Value));
        // Revealed, as a district account may: the whole declared set is compared here; what an account that may
        // not see personal data gets is Permissions/PersonalDataTileTests'.
        var response = await _http.GetAsync($"tiles/{layer.Name}/{at.Z}/{at.X}/{at.Y}.mvt?reveal=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var features = await OgrTileDecoder.DecodeAsync(await response.Content.ReadAsByteArrayAsync(), at, "layer-" + layer.Name);
        Assert.NotEmpty(features);
        // GDAL lists a layer's every property on each feature (null where a feature has none), and the MVT
        // feature id as mvt_id: that is the feature's id (the live change's too), not a property.
        return features.SelectMany(f => f.Properties.Keys).Where(k => k != "mvt_id").ToHashSet();
    }

    async Task<HashSet<string>> LivePropertiesAsync(LayerDeclaration layer)
    {
        await using var conn = await district.Host.Db.OpenConnectionAsync();
        var before = await conn.ScalarAsync<long>("select coalesce(max(seq), 0) from change_log");
        var edit = Arranged[layer.Name].Edit;
        if (edit is not null)
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = edit;
            Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
        }
        // Worker positions are logged by the publisher twice a second; anything else at once.
        var sql = $"select feature::text from change_log where layer = '{layer.Name}' and op = 'upsert'"
                  + (edit is null ? "" : $" and seq > {before}") + " order by seq desc limit 1";
        for (var wait = 0; wait < 100; wait++)
        {
            if (await conn.ScalarAsync<object?>(sql) is string feature)
                return JsonDocument.Parse(feature).RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"no live change on '{layer.Name}' was logged");
    }

    async Task<(double Lon, double Lat)> PointAsync(string where)
    {
        await using var conn = await district.Host.Db.OpenConnectionAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"select ST_X(p), ST_Y(p) from ({where}) w(p)";
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"nothing on the layer: {where}");
        return (reader.GetDouble(0), reader.GetDouble(1));
    }
}
