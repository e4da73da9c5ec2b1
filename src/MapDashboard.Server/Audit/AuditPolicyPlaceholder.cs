// TEMPORARY — DELETE THIS FILE WHEN THE SIGN-IN BRANCH IS MERGED.
// GET /api/audit requires the "Admin" authorization policy (AuditApi.AdminPolicy), which sign-in defines. Until it
// exists, this registers a policy of that name that lets every request through, so the endpoint can be mapped and
// tested. It registers itself as a hosting startup of the server's own assembly: deleting this file is the whole
// removal (nothing else names it).
using MapDashboard.Server.Audit;

[assembly: HostingStartup(typeof(AuditPolicyPlaceholder))]

namespace MapDashboard.Server.Audit;

public sealed class AuditPolicyPlaceholder : IHostingStartup
{
    public void Configure(IWebHostBuilder builder) =>
        builder.ConfigureServices(s => s.AddAuthorization(o => o.AddPolicy(AuditApi.AdminPolicy, p => p.RequireAssertion(_ => true))));
}
