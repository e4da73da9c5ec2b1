namespace MapDashboard.Server.Layers.Incidents;

/// <summary>Incidents not closed yet: category, stage, overdue, escalation. Never reporter contact or photo.</summary>
public sealed class IncidentsLayer : LayerDeclaration
{
    public IncidentsLayer() : base("incidents")
    {
        MinZoom = 10;
        Live = true;
        TimeProperty = "reportedAt";
        Properties = ["code", "category", "stage", "reportedAt", "stageDueAt", "overdue", "escalation",
                      "responsibleUnit", "ownershipUnclear", "reports", "grid", "stageEnteredAt"];
        TileOmits = Omit(
            ("the map draws an incident by category, stage and overdue only; the lead's desk lists the rest from "
             + "the live change and /api/incidents, and responsibleUnit would cost every tile a lookup per incident",
             ["reportedAt", "stageDueAt", "responsibleUnit", "ownershipUnclear", "reports"]),
            ("the wall's feed names the place and time of a report or stage change as it arrives live; the map draws "
             + "an incident where it is, so its tiles need neither",
             ["grid", "stageEnteredAt"]));
    }
}
