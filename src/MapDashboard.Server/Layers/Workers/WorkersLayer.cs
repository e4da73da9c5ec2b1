namespace MapDashboard.Server.Layers.Workers;

/// <summary>Grid workers' live positions (Schema/52_live_positions.sql). No tiles: the map loads the snapshot from /api/patrols/workers.</summary>
public sealed class WorkersLayer : LayerDeclaration
{
    public WorkersLayer() : base("workers")
    {
        Live = true;
        Properties = ["code", "name", "recordedAt", "accuracy"];
        PersonalData = ["name"];
    }
}
