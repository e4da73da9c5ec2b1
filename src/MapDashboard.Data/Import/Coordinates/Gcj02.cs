using NetTopologySuite.Geometries;

namespace MapDashboard.Data.Import.Coordinates;

using Geometry = NetTopologySuite.Geometries.Geometry;

/// <summary>
/// GCJ-02, the deliberately shifted system of Chinese commercial web maps (points copied from them are off by
/// hundreds of metres). The official algorithm is not public: the forward shift here is the widely used public
/// formula (Krasovsky ellipsoid), which matches the official offsets to about 1–2 m. The inverse has no closed
/// form; it is found by fixed-point iteration on the forward formula until the residual is below 1e-9° (about
/// 0.1 mm), so the inverse of this formula is exact to far better than <see cref="StatedAccuracyMetres"/>; the
/// stated figure is dominated by the formula itself.
/// </summary>
public static class Gcj02
{
    /// <summary>What the report states for a converted point: the public formula's own error, rounded up.</summary>
    public const double StatedAccuracyMetres = 2.0;

    /// <summary>How close a forward-then-inverse round trip lands (tested): the iteration's part of the error.</summary>
    public const double InverseResidualMetres = 0.01;

    const double A = 6378245.0;
    const double Ee = 0.00669342162296594323;

    /// <summary>WGS84 → GCJ-02 (no shift outside China, as the web maps do).</summary>
    public static (double Lon, double Lat) FromWgs84(double lon, double lat)
    {
        if (OutsideChina(lon, lat)) return (lon, lat);
        var (dLon, dLat) = Shift(lon, lat);
        return (lon + dLon, lat + dLat);
    }

    /// <summary>GCJ-02 → WGS84 by iteration: the WGS84 point whose forward shift lands on the given one.</summary>
    public static (double Lon, double Lat) ToWgs84(double lon, double lat)
    {
        if (OutsideChina(lon, lat)) return (lon, lat);
        double wLon = lon, wLat = lat;
        for (var i = 0; i < 30; i++)
        {
            var (gLon, gLat) = FromWgs84(wLon, wLat);
            double eLon = gLon - lon, eLat = gLat - lat;
            wLon -= eLon;
            wLat -= eLat;
            if (Math.Abs(eLon) < 1e-9 && Math.Abs(eLat) < 1e-9) break;
        }
        return (wLon, wLat);
    }

    /// <summary>A copy of an EPSG:4326-shaped geometry whose coordinates are GCJ-02, moved to WGS84.</summary>
    public static Geometry ToWgs84(Geometry gcj)
    {
        var copy = gcj.Copy();
        copy.Apply(new InverseFilter());
        copy.GeometryChanged();
        return copy;
    }

    static bool OutsideChina(double lon, double lat) => lon is < 72.004 or > 137.8347 || lat is < 0.8293 or > 55.8271;

    static (double DLon, double DLat) Shift(double lon, double lat)
    {
        double x = lon - 105.0, y = lat - 35.0;
        var dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.Sqrt(Math.Abs(x))
                   + (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0
                   + (20.0 * Math.Sin(y * Math.PI) + 40.0 * Math.Sin(y / 3.0 * Math.PI)) * 2.0 / 3.0
                   + (160.0 * Math.Sin(y / 12.0 * Math.PI) + 320 * Math.Sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        var dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.Sqrt(Math.Abs(x))
                   + (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0
                   + (20.0 * Math.Sin(x * Math.PI) + 40.0 * Math.Sin(x / 3.0 * Math.PI)) * 2.0 / 3.0
                   + (150.0 * Math.Sin(x / 12.0 * Math.PI) + 300.0 * Math.Sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        var radLat = lat / 180.0 * Math.PI;
        var magic = 1 - Ee * Math.Sin(radLat) * Math.Sin(radLat);
        var sqrtMagic = Math.Sqrt(magic);
        dLat = dLat * 180.0 / (A * (1 - Ee) / (magic * sqrtMagic) * Math.PI);
        dLon = dLon * 180.0 / (A / sqrtMagic * Math.Cos(radLat) * Math.PI);
        return (dLon, dLat);
    }

    sealed class InverseFilter : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (lon, lat) = ToWgs84(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, lon);
            seq.SetY(i, lat);
        }
    }
}
