namespace MapDashboard.Server.Options;

/// <summary>The incident loop's tunables; the time limits themselves are data (category_time_limit).</summary>
public sealed class IncidentOptions
{
    public const string Section = "Incidents";

    /// <summary>How often overdue stages are escalated and every grid recoloured (time passing is what makes a stage overdue).</summary>
    public int EscalationCheckSeconds { get; set; } = 30;

    /// <summary>A report of the same category this near an open incident…</summary>
    public double DuplicateRadiusMetres { get; set; } = 50;

    /// <summary>…reported within this many hours is linked to it instead of creating a new incident.</summary>
    public double DuplicateWindowHours { get; set; } = 24;

    /// <summary>Where "today" and the daily series of the indicators begin and end.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";
}
