using System.Text.Json.Serialization;
using MapDashboard.Server.ApiReference;

namespace MapDashboard.Server.Open311;

// GeoReport v2 as services.sql, requests.sql, token.sql and the handlers write it (JSON; the same fields as XML with
// format "xml"). Field names are the standard's.

/// <summary>A service (a category residents may report).</summary>
[JsonAnswer]
public sealed record Open311Service(
    [property: JsonPropertyName("service_code")] string ServiceCode, [property: JsonPropertyName("service_name")] string ServiceName,
    string? Description, bool Metadata, string Type, string? Keywords, string Group);

/// <summary>A service's definition: this server asks for no extra attributes.</summary>
[JsonAnswer]
public sealed record Open311ServiceDefinition([property: JsonPropertyName("service_code")] string ServiceCode, IReadOnlyList<string> Attributes);

/// <summary>A service request (an incident) as GeoReport v2 describes it, with this server's extended attributes.</summary>
[JsonAnswer]
public sealed record Open311Request(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId, string Status,
    [property: JsonPropertyName("status_notes")] string? StatusNotes, [property: JsonPropertyName("service_name")] string? ServiceName,
    [property: JsonPropertyName("service_code")] string ServiceCode, string? Description,
    [property: JsonPropertyName("agency_responsible")] string? AgencyResponsible, [property: JsonPropertyName("service_notice")] string? ServiceNotice,
    [property: JsonPropertyName("requested_datetime")] DateTimeOffset RequestedDatetime, [property: JsonPropertyName("updated_datetime")] DateTimeOffset? UpdatedDatetime,
    [property: JsonPropertyName("expected_datetime")] DateTimeOffset? ExpectedDatetime, string? Address,
    [property: JsonPropertyName("address_id")] string? AddressId, string? Zipcode, double Lat, double Long,
    [property: JsonPropertyName("media_url")] string? MediaUrl,
    [property: JsonPropertyName("extended_attributes")] Open311Extended ExtendedAttributes);

/// <summary>Where the incident stands in this server's loop.</summary>
[JsonAnswer]
public sealed record Open311Extended(string Stage, bool Overdue, [property: JsonPropertyName("escalation_level")] string EscalationLevel,
    [property: JsonPropertyName("responsible_unit")] string? ResponsibleUnit, [property: JsonPropertyName("ownership_unclear")] bool OwnershipUnclear,
    int Reports, int? Rating);

/// <summary>POST requests: the new request's id (or the open one it was linked to), its token, a notice, the media's URL.</summary>
[JsonAnswer]
public sealed record Open311Posted([property: JsonPropertyName("service_request_id")] string ServiceRequestId, string? Token,
    [property: JsonPropertyName("service_notice")] string? ServiceNotice, [property: JsonPropertyName("account_id")] string? AccountId,
    [property: JsonPropertyName("media_url")] string? MediaUrl = null);

/// <summary>A token's request id (GET tokens/{token}).</summary>
[JsonAnswer]
public sealed record Open311Token([property: JsonPropertyName("service_request_id")] string? ServiceRequestId, string Token);

/// <summary>The GeoReport v2 request form (application/x-www-form-urlencoded, or multipart with a "media" photo).</summary>
public sealed record Open311RequestForm(
    [property: JsonPropertyName("api_key")] string ApiKey, [property: JsonPropertyName("service_code")] string ServiceCode,
    double Lat, double Long, string? Description, [property: JsonPropertyName("media_url")] string? MediaUrl,
    [property: JsonPropertyName("address_string")] string? AddressString, [property: JsonPropertyName("address_id")] string? AddressId,
    string? Email, [property: JsonPropertyName("device_id")] string? DeviceId, [property: JsonPropertyName("account_id")] string? AccountId,
    [property: JsonPropertyName("first_name")] string? FirstName, [property: JsonPropertyName("last_name")] string? LastName, string? Phone,
    IFormFile? Media);
