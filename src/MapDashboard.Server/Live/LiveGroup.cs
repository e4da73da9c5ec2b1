using MapDashboard.Data.Live;
using MapDashboard.Domain.Live;
using MapDashboard.Server.Permissions;

namespace MapDashboard.Server.Live;

/// <summary>
/// Clients watching the same layers in the same area through the same personal-data lens share one SignalR
/// group, so a change is filtered once per group, not once per client (200 wall displays of one district are one
/// group; so are the leaders of one community).
/// </summary>
public sealed class LiveGroup(string name, IReadOnlySet<string> layers, SubscriptionArea area, PersonalDataLens lens)
{
    public string Name { get; } = name;
    public IReadOnlySet<string> Layers { get; } = layers;
    public SubscriptionArea Area { get; } = area;

    /// <summary>What its members receive of personal data (the permission rule, per viewer class).</summary>
    public PersonalDataLens Lens { get; } = lens;
    public int Members { get; set; }

    /// <summary>Worker positions waiting for the next coalesced send: latest per worker.</summary>
    public Dictionary<long, ChangeItem> PendingPositions { get; } = new();

    public static string NameFor(IReadOnlySet<string> layers, SubscriptionArea area, PersonalDataLens lens) =>
        $"{area.Key}|{string.Join(",", layers.Order(StringComparer.Ordinal))}|{lens.Key}";

    /// <summary>What this group must hear of one change, or null when the change is not its business.</summary>
    public ChangeItem? Route(ChangeRow row, Func<ChangeRow, System.Text.Json.JsonElement?> feature)
    {
        if (!Layers.Contains(row.Layer)) return null;
        return AreaDecision.Decide(row.Op == "delete", row.Geometry, row.OldGeometry, Area.Geometry) switch
        {
            AreaDelivery.Upsert => new ChangeItem(row.Seq, row.Layer, row.FeatureId, "upsert", feature(row)),
            AreaDelivery.Delete => new ChangeItem(row.Seq, row.Layer, row.FeatureId, "delete", null),
            _ => null,
        };
    }
}
