namespace MapDashboard.Domain.Patrols;

/// <summary>A point in a metric projection (the district's metric frame): distances are metres by Pythagoras.</summary>
public readonly record struct MetricPoint(double X, double Y)
{
    public double DistanceTo(MetricPoint other) => Math.Sqrt((X - other.X) * (X - other.X) + (Y - other.Y) * (Y - other.Y));
}
