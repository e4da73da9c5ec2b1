namespace MapDashboard.Server.Layers.Water;

/// <summary>Offline base map: the Yellow River and other water, so a command centre without internet still sees the city.</summary>
public sealed class WaterLayer : LayerDeclaration
{
    public WaterLayer() : base("water")
    {
        MinZoom = 0;
        Properties = ["name", "kind"];
        PublicTileProperties = ["name", "kind"];
    }
}
