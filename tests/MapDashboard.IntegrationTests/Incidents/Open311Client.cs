using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;

namespace MapDashboard.IntegrationTests.Incidents;

/// <summary>
/// What a GeoReport v2 client does: form-encoded posts with an api_key, reads
/// in json or xml. Answers come back as XML or JSON exactly as sent, for the
/// tests to check field names against the spec.
/// </summary>
public sealed class Open311Client(HttpClient http)
{
    public const string DemoKey = "mapdashboard-demo-key";

    public Task<HttpResponseMessage> PostAsync(string format, params (string Name, string Value)[] fields) =>
        http.PostAsync($"open311/v2/requests.{format}", new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))));

    public Task<HttpResponseMessage> PostAtAsync(string format, string service, (double Lon, double Lat) at, string key = DemoKey, params (string, string)[] more) =>
        PostAsync(format, [("api_key", key), ("service_code", service), ("lat", at.Lat.ToString(CultureInfo.InvariantCulture)),
                           ("long", at.Lon.ToString(CultureInfo.InvariantCulture)), .. more]);

    public async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    public async Task<XElement> XmlAsync(HttpResponseMessage response)
    {
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync($"open311/v2/{path}");
}
