using System.Globalization;
using System.Text;

namespace MapDashboard.Tools.Bench;

/// <summary>
/// The rows of the ingest benchmark: each request is one device's batch of its
/// next pings (5 s apart, walking ~1.2 m/s), devices taking turns; rendered both
/// as the API's JSON and as the columns of a bare INSERT, so both sides write
/// exactly the same rows.
/// </summary>
public sealed class PingLoad(IReadOnlyList<PingLoad.Device> devices, DateTimeOffset start, int seed)
{
    public sealed class Device(int id, string code, double lon, double lat)
    {
        public int Id => id;
        public string Code => code;
        public double Lon = lon, Lat = lat, Heading;
        public int Sent;
    }

    public sealed record Request(byte[] Json, int[] Workers, DateTime[] Times, double[] Lons, double[] Lats, float?[] Accuracies);

    readonly Random _random = new(seed);
    int _next;

    public List<Request> Next(int requests, int pingsPerRequest)
    {
        var list = new List<Request>(requests);
        for (var r = 0; r < requests; r++) list.Add(Build(devices[_next++ % devices.Count], pingsPerRequest));
        return list;
    }

    Request Build(Device d, int count)
    {
        var times = new DateTime[count];
        var lons = new double[count];
        var lats = new double[count];
        var accuracies = new float?[count];
        var json = new StringBuilder("{\"pings\":[");
        for (var i = 0; i < count; i++)
        {
            d.Heading += (_random.NextDouble() - 0.5) * 0.8;
            d.Lon += Math.Cos(d.Heading) * 6 / 90_000;  // 6 m per 5 s at 36°N
            d.Lat += Math.Sin(d.Heading) * 6 / 110_570;
            times[i] = start.AddSeconds(5 * d.Sent++).UtcDateTime;
            (lons[i], lats[i], accuracies[i]) = (Math.Round(d.Lon, 7), Math.Round(d.Lat, 7), (float)Math.Round(4 + _random.NextDouble() * 6, 1));
            if (i > 0) json.Append(',');
            json.Append(CultureInfo.InvariantCulture,
                $"{{\"worker\":\"{d.Code}\",\"recordedAt\":\"{times[i]:yyyy-MM-ddTHH:mm:ss.fffZ}\",\"lon\":{lons[i]},\"lat\":{lats[i]},\"accuracy\":{accuracies[i]}}}");
        }
        json.Append("]}");
        return new(Encoding.UTF8.GetBytes(json.ToString()), Enumerable.Repeat(d.Id, count).ToArray(), times, lons, lats, accuracies);
    }
}
