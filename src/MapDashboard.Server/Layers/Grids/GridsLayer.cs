namespace MapDashboard.Server.Layers.Grids;

/// <summary>Every kind of grid (community, dedicated, micro, police) with its red / yellow / blue status.</summary>
public sealed class GridsLayer : LayerDeclaration
{
    public GridsLayer() : base("grids")
    {
        MinZoom = 10;
        Live = true;
        Properties = ["code", "name", "kind", "status"];
    }
}
