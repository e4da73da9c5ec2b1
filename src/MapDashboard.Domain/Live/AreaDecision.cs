using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace MapDashboard.Domain.Live;

/// <summary>What one client watching an area must be told about one change.</summary>
public enum AreaDelivery { Skip, Upsert, Delete }

/// <summary>
/// A client receives only changes inside its area; a feature that leaves the
/// area must disappear from that client's map, so it arrives as a delete.
/// </summary>
public static class AreaDecision
{
    /// <param name="isDelete">the row was deleted</param>
    /// <param name="now">where the feature is after the change (null for a delete)</param>
    /// <param name="before">where it was before (null for an insert)</param>
    /// <param name="area">the client's area; null means everywhere</param>
    public static AreaDelivery Decide(bool isDelete, Geometry? now, Geometry? before, IPreparedGeometry? area)
    {
        if (area is null) return isDelete ? AreaDelivery.Delete : AreaDelivery.Upsert;
        if (!isDelete && now is not null && area.Intersects(now)) return AreaDelivery.Upsert;
        if (before is not null && area.Intersects(before)) return AreaDelivery.Delete;
        return AreaDelivery.Skip;
    }
}
