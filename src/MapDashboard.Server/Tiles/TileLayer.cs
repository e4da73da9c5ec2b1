using MapDashboard.Domain.Permissions;
using MapDashboard.Server.Permissions;

namespace MapDashboard.Server.Tiles;

/// <summary>
/// One vector-tile layer: its name in URLs and in the MVT, the zoom it starts at, and its composed SQL in three
/// variants for the personal data its declaration names (the same text thrice for a layer whose tiles carry none):
/// <see cref="Sql"/> carries it as stored, <see cref="StrippedSql"/> leaves it out, and
/// <see cref="JurisdictionSql"/> keeps it only on the features whose unit lies in the jurisdiction hanging from @root.
/// <see cref="PublicSql"/>, for a layer open without an account, carries only its public properties (null: none open).
/// </summary>
public sealed record TileLayer(string Name, int MinZoom, string Sql, string StrippedSql, string JurisdictionSql, string? PublicSql = null)
{
    /// <summary>Whether its tiles can carry personal data at all.</summary>
    public bool HasPersonalData => Sql != StrippedSql;

    /// <summary>
    /// The variant a viewer's lens gets, with the root to bind. A tile carries personal data unmasked or not at
    /// all: masking is for the GeoJSON and the hub, so a tile holds it only where the lens reveals it.
    /// </summary>
    public (string Sql, string? Root, bool Reveals) For(PersonalDataLens lens) =>
        !HasPersonalData ? (Sql, null, false)
        : lens.FiltersNothing ? (Sql, null, true)
        : lens.Inside == Disclosure.Plain ? (JurisdictionSql, lens.Root, true)
        : (StrippedSql, null, false);
}
