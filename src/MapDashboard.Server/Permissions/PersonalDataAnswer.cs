using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MapDashboard.Server.Permissions;

/// <summary>
/// A JSON answer passed through the viewer's lens before it leaves: personal fields masked by default, removed
/// outside the viewer's reach, unmasked only with <c>?reveal=true</c> by an entitled account (recorded,
/// <see cref="Reveals.OnReveal"/>). Behind <c>.Discloses(shape)</c> and the answers built per request (the OGC
/// API's and the exports' layers, whose shape depends on the layer asked for).
/// </summary>
public static class PersonalDataAnswer
{
    static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><paramref name="json"/> as <paramref name="http"/>'s viewer may receive it (unchanged when nobody is signed in).</summary>
    public static async Task<string> FilterAsync(HttpContext http, PersonalDataShape shape, string json)
    {
        var viewer = RequestViewer.Of(http);
        if (!viewer.IsJudged()) return json;
        var lens = await http.RequestServices.GetRequiredService<Jurisdiction>()
            .LensAsync(viewer, DisclosureFilter.AsksToReveal(http), http.RequestAborted);
        var document = JsonNode.Parse(json)!;
        var revealed = PersonalDataFilter.Apply(document, shape, lens);
        if (revealed.Count > 0)
            await http.RequestServices.GetRequiredService<Reveals>()
                .OnReveal(viewer!, $"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}", revealed, http.RequestAborted);
        return document.ToJsonString(Output);
    }
}
