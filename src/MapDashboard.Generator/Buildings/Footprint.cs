namespace MapDashboard.Generator.Buildings;

/// <summary>A building laid out in UTM metres, before it gets a code, a compound and an owner.</summary>
public sealed record Footprint((double X, double Y)[] Corners, BuildingStyle Style, int Floors, int FlatsPerFloor, int YearBuilt)
{
    /// <summary>The door a patrol walks to: just outside the middle of the south-facing long side.</summary>
    public (double X, double Y) Entrance
    {
        get
        {
            var (a, b, d) = (Corners[0], Corners[1], Corners[3]);
            var (ox, oy) = (a.X - d.X, a.Y - d.Y);
            var length = Math.Sqrt(ox * ox + oy * oy);
            const double step = 1.5;
            return ((a.X + b.X) / 2 + ox / length * step, (a.Y + b.Y) / 2 + oy / length * step);
        }
    }
}
