namespace MapDashboard.Generator.Lattice;

/// <summary>
/// A smooth shear that bends straight lattice lines into gently curving streets. The east shift depends only on
/// the northing and the north shift only on the easting, so corridors keep their width and cells stay convex.
/// </summary>
public sealed record Warp(double EastAmplitude, double EastWavelength, double EastPhase,
    double NorthAmplitude, double NorthWavelength, double NorthPhase)
{
    public static Warp Random(Random rng) => new(
        28, 1700 + 600 * rng.NextDouble(), 2 * Math.PI * rng.NextDouble(),
        22, 2000 + 600 * rng.NextDouble(), 2 * Math.PI * rng.NextDouble());

    public (double X, double Y) Apply(double originX, double originY, double x, double y) => (
        originX + x + EastAmplitude * Math.Sin(2 * Math.PI * y / EastWavelength + EastPhase),
        originY + y + NorthAmplitude * Math.Sin(2 * Math.PI * x / NorthWavelength + NorthPhase));
}
