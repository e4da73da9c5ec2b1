using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems.Transformations;

namespace MapDashboard.Domain.Projection;

/// <summary>
/// Applies a ProjNet <see cref="MathTransform"/> to every coordinate of an NTS geometry.
/// ProjNet ships no NTS adapter, so this is the bridge (x is longitude, y latitude on the geographic side).
/// </summary>
public sealed class MathTransformFilter(MathTransform transform) : ICoordinateSequenceFilter
{
    public bool Done => false;

    public bool GeometryChanged => true;

    public void Filter(CoordinateSequence seq, int i)
    {
        var (x, y) = transform.Transform(seq.GetX(i), seq.GetY(i));
        seq.SetX(i, x);
        seq.SetY(i, y);
    }
}
