using MapDashboard.Domain.Permissions;

namespace MapDashboard.Server.Layers.Findings;

/// <summary>
/// Findings where ownership is unclear (权属不清), hatched: only those still to act on (new, assigned). The live
/// feature is the whole finding (finding_feature, as GET /api/findings/{id} answers); the tile is its outline.
/// </summary>
public sealed class FindingsLayer : LayerDeclaration
{
    public FindingsLayer() : base("findings")
    {
        MinZoom = 10;
        Live = true;
        TimeProperty = "firstSeenAt";
        Properties = ["code", "key", "kind", "status", "areaM2", "lengthM", "units", "organisations", "names", "asset",
                      "defaultOwner", "community", "street", "suggestedFix", "detail", "explanation", "assignee",
                      "caseIncidentCode", "present", "firstSeenAt", "updatedAt"];
        Personal = [new("assignee", PersonalKind.Name)];
        PersonalDataUnit = ["community", "street"];
        TileOmits = Omit(
            ("the popup asks /api/findings/{id} for the whole finding in the viewer's language; objects, lists and "
             + "two long explanations in every feature made the district-wide tiles heavy for nothing on screen",
             ["lengthM", "organisations", "names", "asset", "defaultOwner", "community", "street", "suggestedFix", "detail",
              "explanation", "assignee", "caseIncidentCode", "firstSeenAt", "updatedAt"]),
            ("a tile holds only present findings; a live change says present = false when a recomputation no longer "
             + "finds one", ["present"]));
    }
}
