using MapDashboard.Server.ApiReference;

namespace MapDashboard.Server.Auth;

// What the sign-in door answers: the records the handlers return, so the OpenAPI document describes the same types.

/// <summary>POST /api/auth/token: a bearer token for a device or a script.</summary>
[JsonAnswer]
public sealed record TokenAnswer(string AccessToken, DateTimeOffset ExpiresAt, string TokenType, string Role);

/// <summary>An account's territory unit (its jurisdiction).</summary>
[JsonAnswer]
public sealed record AccountUnit(string? Code, string? Name);

/// <summary>POST /api/auth/signin: the session's account, where it lands and the CSRF token its writes send.</summary>
[JsonAnswer]
public sealed record SignedInAnswer(string UserName, string DisplayName, string Role, AccountUnit Unit, string LandsOn, DateTimeOffset ExpiresAt, string CsrfToken);

/// <summary>GET /api/auth/me: who this request is.</summary>
[JsonAnswer]
public sealed record MeAnswer(string? UserName, string? DisplayName, string Role, AccountUnit Unit, string? Person, int? DeviceId, string LandsOn, string? CsrfToken);

/// <summary>GET /api/auth/csrf: the CSRF token of this session and the header that carries it.</summary>
[JsonAnswer]
public sealed record CsrfAnswer(string? Token, string Header);

/// <summary>POST /api/accounts: the account made.</summary>
[JsonAnswer]
public sealed record AccountCreated(int Id, string UserName, string DisplayName, string Role, string Unit, string? Person);

/// <summary>POST /api/accounts/{userName}/revoke: revoked, and how many live connections of it were closed.</summary>
[JsonAnswer]
public sealed record AccountRevoked(string UserName, bool Revoked, int ClosedConnections);

/// <summary>POST /api/devices: the device and its token (shown once).</summary>
[JsonAnswer]
public sealed record DeviceCreated(int Id, string Name, string Worker, string AccessToken, DateTimeOffset ExpiresAt);

/// <summary>POST /api/devices/{id}/revoke: revoked, and how many live connections of it were closed.</summary>
[JsonAnswer]
public sealed record DeviceRevoked(int Id, bool Revoked, int ClosedConnections);
