using System.Net;
using MapDashboard.Domain.Tiles;
using MapDashboard.IntegrationTests.Api;
using MapDashboard.IntegrationTests.Demo;
using MapDashboard.Server.Layers;
using MapDashboard.TestSupport;

namespace MapDashboard.IntegrationTests.Tiles;

/// <summary>
/// The base tiles of the resident's map (/tiles/public, no account): water, roads and building outlines, with only
/// the properties their declaration opens, decoded by GDAL; every other layer is refused to an anonymous caller on
/// both tile doors. The rate limit is <see cref="Auth.RateLimitTests"/>'.
/// </summary>
[Collection(DemoDistrictCollection.Name)]
public class PublicTileTests(DashboardHost host)
{
    /// <summary>Written out by hand, not read from the declarations: a layer opened later by mistake fails below.</summary>
    static readonly Dictionary<string, string[]> Public = new()
    {
        ["water"] = ["name", "kind"],
        ["roads"] = ["name", "class"],
        ["buildings"] = [],
    };

    readonly HttpClient _anonymous = host.CreateAnonymousClient();

    static TileAddress CentreTile(int z)
    {
        var (lon, lat) = DemoManifest.Load().Center;
        return TileMath.TileFor(lon, lat, z);
    }

    [Theory]
    [InlineData("roads", 15)]
    [InlineData("buildings", 15)]
    [InlineData("water", 11)]
    public async Task An_anonymous_caller_gets_a_base_tile_with_only_its_public_properties(string layer, int z)
    {
        var tile = CentreTile(z);
        var response = await _anonymous.GetAsync($"tiles/public/{layer}/{tile.Z}/{tile.X}/{tile.Y}.mvt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("public", response.Headers.CacheControl?.ToString());
        var decoded = await OgrTileDecoder.DecodeAsync(await response.Content.ReadAsByteArrayAsync(), tile, $"public-{layer}");
        Assert.NotEmpty(decoded);
        Assert.All(decoded, f => Assert.Equal(layer, f.Layer));
        // mvt_id is how GDAL shows the MVT's feature id (the row's id), not a property.
        Assert.Empty(decoded.SelectMany(f => f.Properties.Keys).Distinct().Except([.. Public[layer], "mvt_id"]));
    }

    [Fact]
    public async Task The_signed_in_building_tile_still_carries_what_the_public_one_leaves_out()
    {
        var tile = CentreTile(15);
        using var staff = host.CreateRealClient();
        var signedIn = await OgrTileDecoder.DecodeAsync(
            await staff.GetByteArrayAsync($"tiles/buildings/{tile.Z}/{tile.X}/{tile.Y}.mvt"), tile, "signed-in-buildings");
        var open = await OgrTileDecoder.DecodeAsync(
            await _anonymous.GetByteArrayAsync($"tiles/public/buildings/{tile.Z}/{tile.X}/{tile.Y}.mvt"), tile, "public-buildings-compared");

        // The same outlines; the signed-in ones with their owners and counts.
        Assert.Equal(signedIn.Count, open.Count);
        Assert.Equal(signedIn.Select(f => f.Geometry).Order(), open.Select(f => f.Geometry).Order());
        Assert.Contains(signedIn, f => f.Properties.ContainsKey("households") && f.Properties.ContainsKey("code"));
    }

    public static TheoryData<string> NotPublic() => [.. LayerCatalog.Tiled.Select(l => l.Name).Where(n => !Public.ContainsKey(n))];

    [Theory]
    [MemberData(nameof(NotPublic))]
    public async Task Every_other_layer_refuses_an_anonymous_caller_on_both_tile_doors(string layer)
    {
        var tile = CentreTile(15);

        await ProblemAssert.IsProblem(await _anonymous.GetAsync($"tiles/public/{layer}/{tile.Z}/{tile.X}/{tile.Y}.mvt"),
            HttpStatusCode.NotFound, $"'{layer}' is not open without sign-in");
        var signedInDoor = await _anonymous.GetAsync($"tiles/{layer}/{tile.Z}/{tile.X}/{tile.Y}.mvt");
        Assert.Equal(HttpStatusCode.Unauthorized, signedInDoor.StatusCode);
        Assert.Equal("application/problem+json", signedInDoor.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_base_layers_still_need_sign_in_on_the_signed_in_door_and_the_public_door_lists_only_them()
    {
        var tile = CentreTile(15);
        foreach (var layer in Public.Keys)
            Assert.Equal(HttpStatusCode.Unauthorized, (await _anonymous.GetAsync($"tiles/{layer}/{tile.Z}/{tile.X}/{tile.Y}.mvt")).StatusCode);
        await ProblemAssert.IsProblem(await _anonymous.GetAsync("tiles/public/nowhere/1/0/0.mvt"), HttpStatusCode.NotFound,
            "the public layers are water, roads, buildings");
        await ProblemAssert.IsProblem(await _anonymous.GetAsync("tiles/public/roads/abc/0/0.mvt"), HttpStatusCode.BadRequest, "z 'abc'");
    }
}
