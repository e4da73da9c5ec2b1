namespace MapDashboard.BrowserTests.Infrastructure;

/// <summary>Extent arithmetic for assertions, in lon/lat degrees.</summary>
public static class Geo
{
    public static bool Contains(double[] outer, double[] inner, double slack = 0) =>
        outer[0] <= inner[0] + slack && outer[1] <= inner[1] + slack &&
        outer[2] >= inner[2] - slack && outer[3] >= inner[3] - slack;

    public static double Width(double[] bbox) => bbox[2] - bbox[0];
    public static double Height(double[] bbox) => bbox[3] - bbox[1];

    /// <summary>Great-circle distance in metres (the client measures with ol/sphere, radius 6371008.8 m).</summary>
    public static double HaversineMetres(double[] a, double[] b)
    {
        const double R = 6371008.8;
        double rad(double d) => d * Math.PI / 180;
        var dLat = rad(b[1] - a[1]);
        var dLon = rad(b[0] - a[0]);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(rad(a[1])) * Math.Cos(rad(b[1])) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Sqrt(h));
    }

    public static bool HasChinese(string s) => s.Any(c => c >= '\u4e00' && c <= '\u9fff');
}
