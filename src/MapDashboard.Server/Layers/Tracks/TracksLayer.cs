using MapDashboard.Domain.Permissions;

namespace MapDashboard.Server.Layers.Tracks;

/// <summary>
/// Today's trusted track pieces by worker, with the worker's name (personal: only in a tile for an account that
/// may see it, and revealed) and unit (the territory unit the worker belongs to, person.unit_id). Not live: the
/// hub streams positions, and the client reloads these tiles after pings.
/// </summary>
public sealed class TracksLayer : LayerDeclaration
{
    public TracksLayer() : base("tracks")
    {
        MinZoom = 13;
        Properties = ["worker", "workerName", "unit"];
        Personal = [new("workerName", PersonalKind.Name)];
        PersonalDataUnit = ["unit"];
    }
}
