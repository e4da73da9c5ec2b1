namespace MapDashboard.Server.Layers.Roads;

/// <summary>Offline base map: roads, so the map reads as a city without internet.</summary>
public sealed class RoadsLayer : LayerDeclaration
{
    public RoadsLayer() : base("roads")
    {
        MinZoom = 10;
        Properties = ["name", "class"];
        PublicTileProperties = ["name", "class"];
    }
}
