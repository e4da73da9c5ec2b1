using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MapDashboard.IntegrationTests.Api;

namespace MapDashboard.IntegrationTests.Photos;

/// <summary>
/// Who may add photos (the rule of acting on the incident: a worker on their own task, leaders in their jurisdiction)
/// and who may see them (who may see the incident's personal data, and the worker it is assigned to); signed in for
/// real with each role's test account.
/// </summary>
[Collection(PhotoCollection.Name)]
public class PhotoPermissionTests(PhotoHost host)
{
    async Task<string> PhotoOfAsync(string incident)
    {
        using var http = host.CreateRealClient();
        var response = await PhotoHost.UploadAsync(http, incident, "report", TestPictures.Png());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("photos")[0].GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_photo_is_served_to_accounts_that_may_see_its_incident_and_refused_to_the_others()
    {
        var inside = await PhotoOfAsync(await host.ReportAsync(inside: true));
        var outside = await PhotoOfAsync(await host.ReportAsync(inside: false));

        // Inside the test accounts' units (the worker's own grid): every role that sees personal data there; never the wall.
        foreach (var (role, insideStatus, outsideStatus) in new[]
                 {
                     ("district", 200, 200), ("street", 200, 403), ("community", 200, 403), ("planner", 200, 403), ("worker", 200, 403),
                     ("display", 403, 403),
                 })
        {
            using var http = role == "worker" ? await host.WorkerClientAsync() : host.CreateClientAs(role);
            foreach (var (id, expected) in new[] { (inside, insideStatus), (outside, outsideStatus) })
                foreach (var path in new[] { $"api/photos/{id}", $"api/photos/{id}/thumbnail" })
                {
                    var response = await http.GetAsync(path);
                    Assert.True(expected == (int)response.StatusCode, $"{role} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
        }
        using (var display = host.CreateClientAs("display"))
            await ProblemAssert.IsProblem(await display.GetAsync($"api/photos/{inside}"), HttpStatusCode.Forbidden,
                "a photo is personal data of its incident, shown only to who may see that incident's personal data: a display account of 620102 may not see personal data");
        using (var community = host.CreateClientAs("community"))
            await ProblemAssert.IsProblem(await community.GetAsync($"api/photos/{outside}"), HttpStatusCode.Forbidden, "is outside your jurisdiction");

        using var anonymous = host.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"api/photos/{inside}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"api/photos/{inside}/thumbnail")).StatusCode);
        using var district = host.CreateRealClient();
        await ProblemAssert.IsProblem(await district.GetAsync($"api/photos/{new string('0', 32)}"), HttpStatusCode.NotFound, "no photo has id");
        await ProblemAssert.IsProblem(await district.GetAsync("api/photos/..%2F..%2Fetc%2Fpasswd"), HttpStatusCode.NotFound, "no photo has id");
    }

    [Fact]
    public async Task A_worker_adds_photos_to_their_own_task_only_and_leaders_only_in_their_jurisdiction()
    {
        var own = await host.ReportAsync(inside: true);
        var elsewhere = await host.ReportAsync(inside: false);

        using (var worker = await host.WorkerClientAsync())
        {
            Assert.Equal(HttpStatusCode.Created, (await PhotoHost.UploadAsync(worker, own, "resolve", TestPictures.Png())).StatusCode);
            await RefusedAsync(worker, elsewhere, "resolve", "is not assigned to the worker");
            await RefusedAsync(worker, own, "dispatch", "may not dispatch, rate or close incidents");
        }
        using (var community = host.CreateClientAs("community"))
        {
            Assert.Equal(HttpStatusCode.Created, (await PhotoHost.UploadAsync(community, own, "dispatch", TestPictures.Png())).StatusCode);
            await RefusedAsync(community, elsewhere, "resolve", "is outside your jurisdiction");
        }
        using (var planner = host.CreateClientAs("planner")) await RefusedAsync(planner, own, "resolve", "may not accept or resolve incidents");
        using (var display = host.CreateClientAs("display"))
        {
            var before = await host.StoredAsync();
            Assert.Equal(HttpStatusCode.Forbidden, (await PhotoHost.UploadAsync(display, own, "resolve", TestPictures.Png())).StatusCode);
            Assert.Equal(before, await host.StoredAsync());
        }
        using var anonymous = host.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await PhotoHost.UploadAsync(anonymous, own, "resolve", TestPictures.Png())).StatusCode);
    }

    async Task RefusedAsync(HttpClient http, string incident, string action, string mentions)
    {
        var before = await host.StoredAsync();
        await ProblemAssert.IsProblem(await PhotoHost.UploadAsync(http, incident, action, TestPictures.Png()), HttpStatusCode.Forbidden, mentions);
        Assert.Equal(before, await host.StoredAsync());
    }
}
