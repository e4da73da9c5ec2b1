using MapDashboard.Domain.Permissions;

namespace MapDashboard.Server.Layers.Routes;

/// <summary>Saved patrol routes as the planner's API shows them (route_feature). No tiles: the planner loads them from /api/routes.</summary>
public sealed class RoutesLayer : LayerDeclaration
{
    public RoutesLayer() : base("routes")
    {
        Live = true;
        Properties = ["name", "plannedFor", "grid", "worker", "workerName", "metres"];
        Personal = [new("workerName", PersonalKind.Name)];
        PersonalDataUnit = ["grid"];
    }
}
