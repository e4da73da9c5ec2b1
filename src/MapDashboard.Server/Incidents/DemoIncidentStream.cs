using Dapper;
using MapDashboard.Data;
using MapDashboard.Data.Audit;
using MapDashboard.Data.Incidents;
using MapDashboard.Domain.Incidents;
using MapDashboard.Server.Hosting;
using MapDashboard.Server.Options;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MapDashboard.Server.Incidents;

/// <summary>
/// Keeps the demo district's wall display alive: every few seconds either a
/// new report arrives or an open incident takes its next step, through the same
/// validator, intake and workflow as the API (a random point that the API would
/// refuse, e.g. just outside every street, is skipped, as the API would refuse it).
/// One failing tick is logged with what it tried and shown in /api/health; the
/// stream carries on. Demo:IncidentStream=false switches it off. It never steps an
/// ownership case (an incident a finding was opened as, or of the ownership_unclear
/// category): whether the gap or the ownerless wall is gone is for people to settle,
/// and a case closed by dice would say so falsely.
/// </summary>
public sealed class DemoIncidentStream(
    NpgsqlDataSource db, IncidentIntake intake, IncidentSteps steps, ReportValidatorSource validators, IOptions<DemoOptions> options,
    BackgroundHealth health, ILogger<DemoIncidentStream> log) : SupervisedBackgroundService(health, log)
{
    static readonly string PickSql = SqlResource.Beside<DemoIncidentStream>("demo_pick.sql");
    /// <summary>
    /// Below this many open cases a tick reports with even odds, above it one tick in ten: each case takes five
    /// steps to close, so a fixed share of reports either piled the open cases up for days (every grid red with
    /// "5 open incidents") or left the wall with nothing open.
    /// </summary>
    const int OpenCasesKept = 6;
    const double ReportChanceBelow = 0.5, ReportChanceAbove = 0.1;

    sealed record Pick(double Lon, double Lat, string Category, string CategoryName, string? OpenCode, int Open);

    /// <summary>The demo's made-up residents and dispatchers, in the audit trail: the server, source demo.</summary>
    static readonly AuditScope Demo = AuditScope.System("demo incident stream", "demo");

    protected override string Name => "Demo incident stream";

    protected override async Task RunAsync(CancellationToken stop)
    {
        if (!options.Value.IncidentStream) return;
        var random = new Random();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.05, options.Value.IncidentStreamSeconds)));
        while (await Tick(timer, stop))
        {
            Pick? pick = null;
            try
            {
                await using var conn = await db.OpenConnectionAsync(stop);
                pick = await conn.QuerySingleOrDefaultAsync<Pick>(PickSql);
                if (pick is null) continue; // no district loaded
                if (pick.OpenCode is null || random.NextDouble() < (pick.Open < OpenCasesKept ? ReportChanceBelow : ReportChanceAbove))
                    await ReportAsync(pick, random, stop);
                else
                    await StepAsync(conn, pick.OpenCode, random, stop);
                Health.Succeeded(Name);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
            catch (Exception e) when (DatabaseErrors.IsTransient(e))
            {
                log.LogWarning("Demo incident stream: {Error}", e.Message);
                Health.Failed(Name, e, transient: true);
            }
            catch (Exception e)
            {
                // A demo tick has nothing to set aside (the next one picks anew): log what it tried and go on.
                log.LogError(e, "Demo incident stream failed on {Pick}", pick);
                Health.Failed(Name, e, transient: false);
            }
        }
    }

    async Task ReportAsync(Pick pick, Random random, CancellationToken stop)
    {
        var texts = DemoReportTexts.For(pick.Category, pick.CategoryName);
        var report = new IncidentReport(pick.Category, pick.Lat, pick.Lon, texts[random.Next(texts.Count)], null, null);
        var problems = (await validators.GetAsync(stop)).Validate(report, ReportValidator.FieldNames.Rest);
        if (problems.Count > 0)
        {
            log.LogDebug("Demo incident stream: skipped a report the API would refuse: {Problem}", problems[0].Message);
            return;
        }
        try { await intake.ReportAsync(report, new IntakeSource("demo", "demo:resident"), Demo, stop); }
        catch (ReportNotRoutableException e)
        {
            // The validator was built before a boundary edit: intake refuses what the API would now answer 422.
            log.LogDebug("Demo incident stream: skipped a report the API would refuse: {Problem}", e.Message);
        }
    }
    async Task StepAsync(NpgsqlConnection conn, string code, Random random, CancellationToken stop)
    {
        var stage = StageNames.ParseStage(await conn.ExecuteScalarAsync<string>("select stage from incident where code = @code", new { code }) ?? "closed");
        var (action, actor) = stage switch
        {
            IncidentStage.Reported => (IncidentAction.Dispatch, "demo:dispatcher"),
            IncidentStage.Dispatched => (IncidentAction.Accept, "demo:grid-worker"),
            IncidentStage.Accepted => (IncidentAction.Resolve, "demo:grid-worker"),
            IncidentStage.Resolved => (IncidentAction.Rate, "demo:resident"),
            _ => (IncidentAction.Close, "demo:dispatcher"),
        };
        // Mostly satisfied residents; one in eight is not, and the incident reopens.
        int? rating = action == IncidentAction.Rate ? (random.Next(8) == 0 ? 2 : random.Next(4, 6)) : null;
        await steps.ActAsync(code, action, actor, note: null, rating, Demo, stop);
    }

    static async Task<bool> Tick(PeriodicTimer timer, CancellationToken stop)
    {
        try { return await timer.WaitForNextTickAsync(stop); }
        catch (OperationCanceledException) { return false; }
    }
}
