namespace MapDashboard.Server.Layers.Unvisited;

/// <summary>Buildings and hazards in a patrolled grid that nobody visited today. Not live: reloaded after pings like tracks.</summary>
public sealed class UnvisitedLayer : LayerDeclaration
{
    public UnvisitedLayer() : base("unvisited")
    {
        MinZoom = 14;
        Properties = ["kind", "code"];
    }
}
