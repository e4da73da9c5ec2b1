using MapDashboard.Domain.Permissions;

namespace MapDashboard.Server.Permissions;

/// <summary>
/// What one class of viewers receives of personal data: <see cref="Inside"/> their jurisdiction (the units in
/// <see cref="Units"/>), <see cref="Outside"/> it. Viewers with the same lens receive the same bytes, so the hub
/// shares one group between them (<see cref="Key"/>): a lens, not an account, is what a change is filtered for.
/// </summary>
public sealed class PersonalDataLens(Disclosure inside, Disclosure outside, string? root)
{
    /// <summary>Nobody signed in: not judged, everything as stored (see <see cref="RequestViewer"/>).</summary>
    public static PersonalDataLens Unjudged { get; } = new(Disclosure.Plain, Disclosure.Plain, null);

    public Disclosure Inside { get; } = inside;

    public Disclosure Outside { get; } = outside;

    /// <summary>The jurisdiction's root unit code (null: the same everywhere).</summary>
    public string? Root { get; } = inside == outside ? null : root;

    /// <summary>The codes of the units inside; refreshed by whoever keeps the lens (a minute at most behind).</summary>
    public IReadOnlySet<string> Units { get; set; } = new HashSet<string>();

    /// <summary>Equal for viewers who receive the same: "Masked", "Plain/None@620102001001".</summary>
    public string Key => Root is null ? $"{Inside}" : $"{Inside}/{Outside}@{Root}";

    /// <summary>Whether it leaves everything as stored.</summary>
    public bool FiltersNothing => Inside == Disclosure.Plain && Outside == Disclosure.Plain;

    /// <summary>Whether anything passes it unmasked.</summary>
    public bool Reveals => Inside == Disclosure.Plain || Outside == Disclosure.Plain;

    /// <summary>What the viewer receives of the personal data of a thing in unit <paramref name="unitCode"/> (null: none known, outside).</summary>
    public Disclosure For(string? unitCode) =>
        Inside == Outside ? Inside : unitCode is not null && Units.Contains(unitCode) ? Inside : Outside;
}
