namespace MapDashboard.Server.Layers.Grids;

/// <summary>Every kind of grid (community, dedicated, micro, police) with its red / yellow / blue status and why.</summary>
public sealed class GridsLayer : LayerDeclaration
{
    public GridsLayer() : base("grids")
    {
        MinZoom = 10;
        Live = true;
        Properties = ["code", "name", "kind", "status", "reasons"];
        TileOmits = Omit(
            ("a list of {rule, value, threshold} objects, which a vector tile cannot hold; the map paints by status, the "
             + "wall's legend counts reasons from /api/territory and the live change, the grid card reads /api/grids/{code}",
             ["reasons"]));
    }
}
