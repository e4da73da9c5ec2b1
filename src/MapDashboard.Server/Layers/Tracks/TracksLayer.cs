namespace MapDashboard.Server.Layers.Tracks;

/// <summary>Today's trusted track pieces by worker code. Not live: the hub streams positions, and the client reloads these tiles after pings.</summary>
public sealed class TracksLayer : LayerDeclaration
{
    public TracksLayer() : base("tracks")
    {
        MinZoom = 13;
        Properties = ["worker"];
    }
}
