namespace MapDashboard.Server.Layers.Territory;

/// <summary>Districts, streets and communities: the hierarchy and its labels.</summary>
public sealed class TerritoryLayer : LayerDeclaration
{
    public TerritoryLayer() : base("territory")
    {
        MinZoom = 0;
        Live = true;
        Properties = ["code", "name", "kind"];
    }
}
