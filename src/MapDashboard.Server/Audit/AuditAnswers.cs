using System.Text.Json;
using MapDashboard.Server.ApiReference;

namespace MapDashboard.Server.Audit;

/// <summary>A row of the audit trail (audit_list.sql): who did what, from where, to which row, before and after.</summary>
[JsonAnswer]
public sealed record AuditEntry(long Id, DateTimeOffset At, string? Actor, string? Role, string? ActorUnit, string Source, string? Client,
    string Action, string? Request, string? Table, string? Key, string? Unit, JsonElement? Before, JsonElement? After, string? DbUser);
