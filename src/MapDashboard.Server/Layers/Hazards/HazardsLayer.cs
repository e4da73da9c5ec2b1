namespace MapDashboard.Server.Layers.Hazards;

/// <summary>Hazard points by category and severity; ownerless ones are the "管不了" kind.</summary>
public sealed class HazardsLayer : LayerDeclaration
{
    public HazardsLayer() : base("hazards")
    {
        MinZoom = 12;
        Live = true;
        Properties = ["code", "category", "severity", "status", "ownerless"];
    }
}
