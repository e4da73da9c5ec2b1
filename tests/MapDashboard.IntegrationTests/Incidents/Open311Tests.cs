using System.Net;
using MapDashboard.IntegrationTests.Live;

namespace MapDashboard.IntegrationTests.Incidents;

/// <summary>Open311 GeoReport v2 exercised as a client would, field names and error format per the spec.</summary>
[Collection(IncidentCollection.Name)]
public class Open311Tests(IncidentHost host)
{
    readonly Open311Client _client = new(host.CreateRealClient());

    static readonly string[] ServiceFields = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"];
    static readonly string[] RequestFields = ["service_request_id", "status", "status_notes", "service_name", "service_code", "description",
        "agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id",
        "zipcode", "lat", "long", "media_url", "extended_attributes"];

    [Fact]
    public async Task The_service_list_offers_every_incident_category_with_the_spec_s_fields_in_json_and_xml()
    {
        var json = await _client.JsonAsync(await _client.GetAsync("services.json"));
        // The demo's 16 categories and the schema's own ownership_unclear (the baseline migration seeds it): residents report walls nobody owns too.
        Assert.Equal(17, json.GetArrayLength());
        Assert.Contains(json.EnumerateArray(), s => s.GetProperty("service_code").GetString() == "ownership_unclear" && s.GetProperty("service_name").GetString() == "权属不清");
        Assert.Equal(ServiceFields, json[0].EnumerateObject().Select(p => p.Name));
        Assert.Contains(json.EnumerateArray(), s => s.GetProperty("service_code").GetString() == "flying_lead_charging" && s.GetProperty("service_name").GetString() == "飞线充电");

        var xml = await _client.XmlAsync(await _client.GetAsync("services.xml"));
        Assert.Equal("services", xml.Name.LocalName);
        Assert.Equal(17, xml.Elements("service").Count());
        Assert.Equal(ServiceFields, xml.Elements("service").First().Elements().Select(e => e.Name.LocalName));
        Assert.Equal("false", xml.Element("service")!.Element("metadata")!.Value);
    }

    [Fact]
    public async Task A_service_definition_exists_for_a_known_code_and_an_unknown_one_is_a_404_error_array()
    {
        var xml = await _client.XmlAsync(await _client.GetAsync("services/roof_leak.xml"));
        Assert.Equal(("service_definition", "roof_leak"), (xml.Name.LocalName, xml.Element("service_code")!.Value));
        Assert.NotNull(xml.Element("attributes"));
        var missing = await _client.GetAsync("services/potholes.json");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var error = Assert.Single((await _client.JsonAsync(missing)).EnumerateArray());
        Assert.Equal(404, error.GetProperty("code").GetInt32());
        Assert.Equal("service_code 'potholes' is not a known service", error.GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_posted_request_answers_its_id_and_token_and_reads_back_open_with_its_stage_in_extended_attributes()
    {
        var at = await LiveSql.PointInsideAsync(host.Db, "micro_grid", 20);
        var posted = await _client.PostAtAsync("xml", "low_cable", (at.Lon, at.Lat), more: [("description", "cable at head height"), ("email", "r@example.cn")]);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var request = (await _client.XmlAsync(posted)).Element("request")!;
        var id = request.Element("service_request_id")!.Value;
        var token = request.Element("token")!.Value;
        Assert.NotEmpty(token);

        var read = (await _client.JsonAsync(await _client.GetAsync($"requests/{id}.json")))[0];
        Assert.Equal(RequestFields, read.EnumerateObject().Select(p => p.Name));
        Assert.Equal("open", read.GetProperty("status").GetString());
        Assert.Equal("low_cable", read.GetProperty("service_code").GetString());
        Assert.Equal(at.Lat, read.GetProperty("lat").GetDouble(), 1e-6); // stored to 7 decimals (1 cm)
        Assert.Equal(at.Lon, read.GetProperty("long").GetDouble(), 1e-6);
        Assert.Equal("reported", read.GetProperty("extended_attributes").GetProperty("stage").GetString());
        Assert.DoesNotContain("r@example.cn", read.GetRawText());

        var byToken = (await _client.XmlAsync(await _client.GetAsync($"tokens/{token}.xml"))).Element("request")!;
        Assert.Equal((id, token), (byToken.Element("service_request_id")!.Value, byToken.Element("token")!.Value));
    }

    [Fact]
    public async Task The_request_list_honours_the_spec_s_filters()
    {
        var at = await LiveSql.PointInsideAsync(host.Db, "micro_grid", 21);
        var posted = await _client.JsonAsync(await _client.PostAtAsync("json", "electric_safety", (at.Lon, at.Lat)));
        var id = posted[0].GetProperty("service_request_id").GetString()!;

        var byIds = await _client.JsonAsync(await _client.GetAsync($"requests.json?service_request_id={id},I999999"));
        Assert.Equal(id, Assert.Single(byIds.EnumerateArray()).GetProperty("service_request_id").GetString());
        var open = await _client.JsonAsync(await _client.GetAsync($"requests.json?service_code=electric_safety&status=open&start_date={DateTime.UtcNow.AddHours(-1):yyyy-MM-ddTHH:mm:ssZ}"));
        Assert.Contains(open.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == id);
        var closed = await _client.JsonAsync(await _client.GetAsync("requests.json?service_code=electric_safety&status=closed"));
        Assert.DoesNotContain(closed.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == id);
        var old = await _client.JsonAsync(await _client.GetAsync("requests.json?end_date=2020-01-01T00:00:00Z"));
        Assert.Equal(0, old.GetArrayLength());
        var xml = await _client.XmlAsync(await _client.GetAsync($"requests.xml?service_request_id={id}"));
        Assert.Equal("service_requests", xml.Name.LocalName);
        Assert.Equal(RequestFields, xml.Element("request")!.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public async Task A_second_report_of_the_same_problem_answers_the_open_request_s_id_with_a_notice()
    {
        var at = await LiveSql.PointInsideAsync(host.Db, "micro_grid", 22);
        var first = (await _client.JsonAsync(await _client.PostAtAsync("json", "cable_tangle", (at.Lon, at.Lat))))[0];
        var second = await _client.PostAtAsync("json", "cable_tangle", (at.Lon + 0.0002, at.Lat));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var answer = (await _client.JsonAsync(second))[0];
        Assert.Equal(first.GetProperty("service_request_id").GetString(), answer.GetProperty("service_request_id").GetString());
        Assert.StartsWith("duplicate:", answer.GetProperty("service_notice").GetString());
    }

    [Theory]
    [InlineData("json", "wrong-key", 403, "api_key is missing or not valid")]
    [InlineData("xml", "", 403, "api_key is missing or not valid")]
    public async Task Posting_without_a_valid_key_is_a_403_error_and_writes_nothing(string format, string key, int code, string description)
    {
        var before = await host.WrittenRowsAsync();
        var response = await _client.PostAtAsync(format, "roof_leak", (103.83, 36.05), key);
        await AssertErrors(response, format, code, description);
        Assert.Equal(before, await host.WrittenRowsAsync());
    }

    [Theory]
    [InlineData("json", "sewage", "", "", "a location is required: lat and long")]
    [InlineData("xml", "sewage", "103.83", "36.05", "latitude and longitude look swapped")]
    [InlineData("json", "sewage", "36.05", "abc", "long 'abc' is not a number")]
    [InlineData("xml", "potholes", "36.05", "103.83", "service_code 'potholes' is not a known category")]
    public async Task A_bad_request_is_a_400_error_array_naming_the_problem_and_writes_nothing(string format, string service, string lat, string lon, string description)
    {
        var before = await host.WrittenRowsAsync();
        var response = await _client.PostAsync(format, ("api_key", Open311Client.DemoKey), ("service_code", service), ("lat", lat), ("long", lon));
        await AssertErrors(response, format, 400, description);
        Assert.Equal(before, await host.WrittenRowsAsync());
    }

    [Fact]
    public async Task Unknown_ids_and_tokens_and_bad_dates_answer_in_the_error_format()
    {
        await AssertErrors(await _client.GetAsync("requests/I999999.xml"), "xml", 404, "service_request_id 'I999999' was not found");
        await AssertErrors(await _client.GetAsync("tokens/nope.json"), "json", 404, "token 'nope' was not found");
        await AssertErrors(await _client.GetAsync("requests.json?start_date=yesterday"), "json", 400, "start_date 'yesterday' is not a W3C datetime");
        await AssertErrors(await _client.GetAsync("requests.json?status=pending"), "json", 400, "status 'pending' is not open or closed");
    }

    async Task AssertErrors(HttpResponseMessage response, string format, int code, string description)
    {
        Assert.Equal(code, (int)response.StatusCode);
        if (format == "xml")
        {
            var errors = await _client.XmlAsync(response);
            Assert.Equal("errors", errors.Name.LocalName);
            var error = errors.Elements("error").First();
            Assert.Equal(code.ToString(), error.Element("code")!.Value);
            Assert.Contains(description, error.Element("description")!.Value);
        }
        else
        {
            var errors = await _client.JsonAsync(response);
            var error = errors.EnumerateArray().First();
            Assert.Equal(["code", "description"], error.EnumerateObject().Select(p => p.Name));
            Assert.Equal(code, error.GetProperty("code").GetInt32());
            Assert.Contains(description, error.GetProperty("description").GetString());
        }
    }
}
