namespace MapDashboard.Domain.Tests.Theme;

/// <summary>
/// Just enough colour science to say whether two colours look different: sRGB → CIELAB (D65), the CIEDE2000
/// difference, and simulated colour-vision deficiency (Machado, Oliveira and Fernandes 2009, severity 1.0, applied
/// in linear RGB).
/// </summary>
public static class ColourVision
{
    public enum Vision { Normal, Protanopia, Deuteranopia, Tritanopia }

    static readonly Dictionary<Vision, double[,]> Machado = new()
    {
        [Vision.Protanopia] = new[,] { { 0.152286, 1.052583, -0.204868 }, { 0.114503, 0.786281, 0.099216 }, { -0.003882, -0.048116, 1.051998 } },
        [Vision.Deuteranopia] = new[,] { { 0.367322, 0.860646, -0.227968 }, { 0.280085, 0.672501, 0.047413 }, { -0.011820, 0.042940, 0.968881 } },
        [Vision.Tritanopia] = new[,] { { 1.255528, -0.076749, -0.178779 }, { -0.078411, 0.930809, 0.147602 }, { 0.004733, 0.691367, 0.303900 } },
    };

    static double Linear(double c)
    {
        c /= 255;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }

    static double Encoded(double v)
    {
        v = Math.Clamp(v, 0, 1);
        return 255 * (v <= 0.0031308 ? 12.92 * v : 1.055 * Math.Pow(v, 1 / 2.4) - 0.055);
    }

    /// <summary>The colour as a viewer with this vision sees it (sRGB 0–255).</summary>
    public static double[] Seen(double[] rgb, Vision vision)
    {
        if (vision == Vision.Normal) return rgb;
        var m = Machado[vision];
        var l = rgb.Select(Linear).ToArray();
        return Enumerable.Range(0, 3).Select(i => Encoded(m[i, 0] * l[0] + m[i, 1] * l[1] + m[i, 2] * l[2])).ToArray();
    }

    /// <summary>A translucent fill (r, g, b, alpha) over an opaque background: the colour a screen shows.</summary>
    public static double[] Over(double[] rgba, double[] background) =>
        Enumerable.Range(0, 3).Select(i => rgba[i] * rgba[3] + background[i] * (1 - rgba[3])).ToArray();

    /// <summary>sRGB (0–255) → CIELAB, D65 white.</summary>
    public static (double L, double A, double B) Lab(double[] rgb)
    {
        var (r, g, b) = (Linear(rgb[0]), Linear(rgb[1]), Linear(rgb[2]));
        var x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
        var y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
        var z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
        static double F(double t) => t > 216.0 / 24389 ? Math.Cbrt(t) : (24389.0 / 27 * t + 16) / 116;
        return (116 * F(y) - 16, 500 * (F(x) - F(y)), 200 * (F(y) - F(z)));
    }

    /// <summary>CIEDE2000 (Sharma, Wu and Dalal 2005), kL = kC = kH = 1.</summary>
    public static double DeltaE2000((double L, double A, double B) c1, (double L, double A, double B) c2)
    {
        static double Deg(double rad) => rad * 180 / Math.PI;
        static double Rad(double deg) => deg * Math.PI / 180;
        var cBar = (Math.Sqrt(c1.A * c1.A + c1.B * c1.B) + Math.Sqrt(c2.A * c2.A + c2.B * c2.B)) / 2;
        var g = 0.5 * (1 - Math.Sqrt(Math.Pow(cBar, 7) / (Math.Pow(cBar, 7) + Math.Pow(25, 7))));
        double a1 = (1 + g) * c1.A, a2 = (1 + g) * c2.A;
        double cp1 = Math.Sqrt(a1 * a1 + c1.B * c1.B), cp2 = Math.Sqrt(a2 * a2 + c2.B * c2.B);
        double h1 = cp1 == 0 ? 0 : (Deg(Math.Atan2(c1.B, a1)) + 360) % 360, h2 = cp2 == 0 ? 0 : (Deg(Math.Atan2(c2.B, a2)) + 360) % 360;
        var dL = c2.L - c1.L;
        var dC = cp2 - cp1;
        var dh = cp1 * cp2 == 0 ? 0 : h2 - h1 > 180 ? h2 - h1 - 360 : h2 - h1 < -180 ? h2 - h1 + 360 : h2 - h1;
        var dH = 2 * Math.Sqrt(cp1 * cp2) * Math.Sin(Rad(dh / 2));
        var lBar = (c1.L + c2.L) / 2;
        var cpBar = (cp1 + cp2) / 2;
        var hBar = cp1 * cp2 == 0 ? h1 + h2 : Math.Abs(h1 - h2) <= 180 ? (h1 + h2) / 2 : h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
        var t = 1 - 0.17 * Math.Cos(Rad(hBar - 30)) + 0.24 * Math.Cos(Rad(2 * hBar)) + 0.32 * Math.Cos(Rad(3 * hBar + 6)) - 0.20 * Math.Cos(Rad(4 * hBar - 63));
        var dTheta = 30 * Math.Exp(-Math.Pow((hBar - 275) / 25, 2));
        var rC = 2 * Math.Sqrt(Math.Pow(cpBar, 7) / (Math.Pow(cpBar, 7) + Math.Pow(25, 7)));
        var sL = 1 + 0.015 * Math.Pow(lBar - 50, 2) / Math.Sqrt(20 + Math.Pow(lBar - 50, 2));
        var sC = 1 + 0.045 * cpBar;
        var sH = 1 + 0.015 * cpBar * t;
        var rT = -Math.Sin(Rad(2 * dTheta)) * rC;
        return Math.Sqrt(Math.Pow(dL / sL, 2) + Math.Pow(dC / sC, 2) + Math.Pow(dH / sH, 2) + rT * (dC / sC) * (dH / sH));
    }
}
