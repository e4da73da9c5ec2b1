namespace MapDashboard.Server.Layers.Buildings;

/// <summary>Footprints with who owns and manages them (organisations, not people).</summary>
public sealed class BuildingsLayer : LayerDeclaration
{
    public BuildingsLayer() : base("buildings")
    {
        MinZoom = 13;
        Live = true;
        Properties = ["code", "name", "households", "residents", "owner", "manager", "ownerless", "disputed"];
        // Without an account only the outline: households, residents, owners and the ownership flags are the centre's work.
        PublicTileProperties = [];
    }
}
