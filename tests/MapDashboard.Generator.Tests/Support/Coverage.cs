using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace MapDashboard.Generator.Tests.Support;

/// <summary>How a set of children covers their parent, in the units of the geometries given (UTM metres here).</summary>
public sealed record Coverage(double Uncovered, double DoubleCovered, double Outside, Geometry UncoveredLand)
{
    public static Coverage Of(Geometry parent, IReadOnlyList<Geometry> children)
    {
        var union = CascadedPolygonUnion.Union(children.ToArray()) ?? parent.Factory.CreatePolygon();
        var uncovered = parent.Difference(union);
        return new Coverage(
            uncovered.Area,
            children.Sum(c => c.Area) - union.Area,
            union.Difference(parent).Area,
            uncovered);
    }
}
