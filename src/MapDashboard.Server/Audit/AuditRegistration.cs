using MapDashboard.Data.Audit;

namespace MapDashboard.Server.Audit;

public static class AuditRegistration
{
    /// <summary>The request's <see cref="AuditScope"/>, so that a write handler simply takes it as a parameter.</summary>
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped(sp => AuditScopes.From(sp.GetRequiredService<IHttpContextAccessor>().HttpContext
            ?? throw new InvalidOperationException("an audit scope is made for a request")));
        return builder;
    }
}
