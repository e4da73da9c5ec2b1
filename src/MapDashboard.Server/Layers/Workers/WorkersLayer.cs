using MapDashboard.Domain.Permissions;

namespace MapDashboard.Server.Layers.Workers;

/// <summary>
/// Grid workers' live positions (Schema/52_live_positions.sql). No tiles: the map loads the snapshot from /api/patrols/workers.
/// <c>unit</c> is the territory unit the worker belongs to (person.unit_id): whose leaders may see the name.
/// </summary>
public sealed class WorkersLayer : LayerDeclaration
{
    public WorkersLayer() : base("workers")
    {
        Live = true;
        TimeProperty = "recordedAt";
        Properties = ["code", "name", "unit", "recordedAt", "accuracy"];
        Personal = [new("name", PersonalKind.Name)];
        PersonalDataUnit = ["unit"];
    }
}
