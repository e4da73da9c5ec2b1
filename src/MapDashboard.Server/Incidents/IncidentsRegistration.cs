using MapDashboard.Data.Incidents;
using MapDashboard.Data.Findings;
using MapDashboard.Server.Open311;
using MapDashboard.Server.Options;
using Npgsql;

namespace MapDashboard.Server.Incidents;

public static class IncidentsRegistration
{
    /// <summary>The intake, the workflow, escalation, the Open311 keys and the demo stream.</summary>
    public static WebApplicationBuilder AddIncidents(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(IncidentOptions.Section);
        builder.Services.Configure<IncidentOptions>(section);
        builder.Services.Configure<Open311Options>(builder.Configuration.GetSection(Open311Options.Section));
        var options = section.Get<IncidentOptions>() ?? new();
        var duplicates = new DuplicateRule(options.DuplicateRadiusMetres, TimeSpan.FromHours(options.DuplicateWindowHours));

        builder.Services.AddSingleton<ReportValidatorSource>();
        builder.Services.AddSingleton(sp => new IncidentIntake(sp.GetRequiredService<NpgsqlDataSource>(), duplicates));
        builder.Services.AddSingleton<IncidentSteps>();
        builder.Services.AddSingleton<DeskSteps>(); // the dispatch desk's reassign, escalate, link
        builder.Services.AddSingleton<FindingCases>(); // a finding opened as a case is an incident
        builder.Services.AddSingleton<Open311Keys>();
        // Hosted services start in registration order: after DatabaseStartup (migrations, district).
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Open311Keys>());
        builder.Services.AddHostedService<EscalationService>();
        builder.Services.AddHostedService<DemoIncidentStream>();
        return builder;
    }
}
