namespace MapDashboard.Server.Permissions;

/// <summary>
/// Endpoint metadata saying that a route passes the permission rule, so a test can read the route table and find
/// a write that escapes it: <see cref="ActsUnderRule"/> on a write (<see cref="ActingFilter"/>),
/// <see cref="DisclosesUnderRule"/> on a read that names people (<see cref="DisclosureFilter"/>).
/// </summary>
public sealed record ActsUnderRule;

/// <inheritdoc cref="ActsUnderRule"/>
public sealed record DisclosesUnderRule(PersonalDataShape Shape);
