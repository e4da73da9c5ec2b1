namespace MapDashboard.Server.Layers.Coverage;

/// <summary>Today's covered land per grid with its area share and visit share. Not live: reloaded after pings like tracks.</summary>
public sealed class CoverageLayer : LayerDeclaration
{
    public CoverageLayer() : base("coverage")
    {
        MinZoom = 12;
        Properties = ["code", "share", "visit_share"];
    }
}
