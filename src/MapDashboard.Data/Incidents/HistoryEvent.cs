using System.Text.Json;

namespace MapDashboard.Data.Incidents;

/// <summary>
/// What the system did, as a history entry records it: a code (<c>reported</c>, <c>rated</c>, <c>escalated</c>,
/// <c>case_opened</c>, …) and its parameters, which every client words in its reader's language. History
/// notes hold only what a person typed; the codes are listed in src/MapDashboard.Server/README.md.
/// </summary>
public sealed record HistoryEvent(string Code, IReadOnlyDictionary<string, object?> Params)
{
    public HistoryEvent(string code, params (string Name, object? Value)[] parameters)
        : this(code, parameters.ToDictionary(p => p.Name, p => p.Value)) { }

    /// <summary>The parameters as the JSON text the SQL casts to jsonb.</summary>
    public string ParamsJson => JsonSerializer.Serialize(Params);
}
