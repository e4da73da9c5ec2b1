namespace MapDashboard.Generator.Buildings;

/// <summary>
/// A block's buildable area (its quad pulled in by a setback) with a local frame: u runs along the block's south
/// edge, v across it. Buildings are rectangles in (u, v), so they line up with the street net.
/// </summary>
public sealed class BlockFrame
{
    private readonly (double X, double Y)[] _inner;
    private readonly (double X, double Y) _origin, _u, _v;

    public BlockFrame((double X, double Y)[] corners, double setback)
    {
        _inner = Inset(corners, setback);
        _origin = _inner[0];
        var (dx, dy) = (_inner[1].X - _inner[0].X, _inner[1].Y - _inner[0].Y);
        var length = Math.Sqrt(dx * dx + dy * dy);
        _u = (dx / length, dy / length);
        _v = (-_u.Y, _u.X);
        var us = _inner.Select(p => Dot(p, _u)).ToArray();
        var vs = _inner.Select(p => Dot(p, _v)).ToArray();
        (MinU, MaxU, MinV, MaxV) = (us.Min(), us.Max(), vs.Min(), vs.Max());
    }

    public double MinU { get; }
    public double MaxU { get; }
    public double MinV { get; }
    public double MaxV { get; }

    public (double X, double Y) ToUtm(double u, double v) =>
        (_origin.X + u * _u.X + v * _v.X, _origin.Y + u * _u.Y + v * _v.Y);

    /// <summary>The rectangle's corners, counter-clockwise.</summary>
    public (double X, double Y)[] Rectangle(double u, double v, double length, double depth) =>
        [ToUtm(u, v), ToUtm(u + length, v), ToUtm(u + length, v + depth), ToUtm(u, v + depth)];

    /// <summary>True when every corner lies inside the buildable quad (it is convex, so the rectangle does too).</summary>
    public bool Holds(IReadOnlyList<(double X, double Y)> points)
    {
        foreach (var p in points)
            for (var k = 0; k < 4; k++)
            {
                var (a, b) = (_inner[k], _inner[(k + 1) % 4]);
                if ((b.X - a.X) * (p.Y - a.Y) - (b.Y - a.Y) * (p.X - a.X) < 0) return false;
            }
        return true;
    }

    private double Dot((double X, double Y) p, (double X, double Y) axis) =>
        (p.X - _origin.X) * axis.X + (p.Y - _origin.Y) * axis.Y;

    /// <summary>Each side moved inwards by the setback; the new corners are where neighbouring sides meet.</summary>
    private static (double X, double Y)[] Inset((double X, double Y)[] quad, double setback)
    {
        var lines = new ((double X, double Y) P, (double X, double Y) D)[4];
        for (var k = 0; k < 4; k++)
        {
            var (a, b) = (quad[k], quad[(k + 1) % 4]);
            var (dx, dy) = (b.X - a.X, b.Y - a.Y);
            var length = Math.Sqrt(dx * dx + dy * dy);
            var (nx, ny) = (-dy / length, dx / length); // left of the edge: inwards for a counter-clockwise quad
            lines[k] = ((a.X + nx * setback, a.Y + ny * setback), (dx, dy));
        }
        var inner = new (double X, double Y)[4];
        for (var k = 0; k < 4; k++) inner[k] = Intersect(lines[(k + 3) % 4], lines[k]);
        return inner;
    }

    private static (double X, double Y) Intersect(((double X, double Y) P, (double X, double Y) D) a, ((double X, double Y) P, (double X, double Y) D) b)
    {
        var denominator = a.D.X * b.D.Y - a.D.Y * b.D.X;
        var t = ((b.P.X - a.P.X) * b.D.Y - (b.P.Y - a.P.Y) * b.D.X) / denominator;
        return (a.P.X + t * a.D.X, a.P.Y + t * a.D.Y);
    }
}
