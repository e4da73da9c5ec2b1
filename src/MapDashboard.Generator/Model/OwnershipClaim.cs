namespace MapDashboard.Generator.Model;

/// <summary>A party asserting it owns an asset; two claims on one asset are a dispute.</summary>
public sealed record OwnershipClaim(string AssetKind, string AssetCode, string OrganisationCode, string Basis);
