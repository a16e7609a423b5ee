using System.Text.Json;
using Dashboard.Core.Evaluation;
using Dashboard.Core.Incidents;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.TestSupport;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.ShiftReview;
using Dashboard.Web.Features.ShiftReview.Components;
using Dashboard.Web.Tests.TestSupport;

namespace Dashboard.Web.Tests.ShiftReview;

/// <summary>
/// What the shift summary says of each rollout at its window's start and end, rebuilt from the audit log as the app
/// writes it (real rollouts saved in a real SQLite store), and the counts read from the payloads.
/// </summary>
public sealed class ShiftSummaryStateTests
{
    private static readonly DateTimeOffset T0 = AppTestHost.T0;
    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Summary_ARolloutRunningAcrossTheShift_ShowsItsPhaseStateAndWeightAtStartAndEnd()
    {
        await using var host = await ShiftReviewHost.CreateAsync();
        var rollout = await host.StartRolloutAsync();
        await Save(host, rollout, T0.AddHours(2), (r, at) => r.ChangeTraffic(5, "bob", "more", at));
        await Save(host, rollout, T0.AddHours(3), (r, at) => r.Hold("bob", "latency", at));

        var summary = await host.Get<ShiftSummaryService>().BuildAsync(T0.AddHours(1), T0.AddHours(9));

        var state = Assert.Single(summary.Rollouts);
        Assert.Equal((rollout.Id, "learning-api v3.0.0"), (state.RolloutId, state.Rollout));
        var json = JsonSerializer.SerializeToElement(state, Wire);
        Assert.Equal(("canary", "running", 1, false), Words(json.GetProperty("atStart")));
        Assert.Equal(("canary", "held", 5, false), Words(json.GetProperty("atEnd")));
        Assert.Equal(T0, json.GetProperty("atStart").GetProperty("since").GetDateTimeOffset());
        Assert.Equal(T0.AddHours(3), json.GetProperty("atEnd").GetProperty("since").GetDateTimeOffset());
    }

    [Fact]
    public async Task Summary_AnEventAtTheWindowsStart_BelongsToTheWindowNotToTheStateAtItsStart()
    {
        await using var host = await ShiftReviewHost.CreateAsync();
        var rollout = await host.StartRolloutAsync();
        await Save(host, rollout, T0.AddHours(8), (r, at) => r.Advance("bob", "canary GO", at));

        var summary = await host.Get<ShiftSummaryService>().BuildAsync(T0.AddHours(8), T0.AddHours(16));

        var json = JsonSerializer.SerializeToElement(Assert.Single(summary.Rollouts), Wire);
        Assert.Equal(("canary", "running", 1, false), Words(json.GetProperty("atStart")));
        Assert.Equal(("ramp", "running", 10, false), Words(json.GetProperty("atEnd")));
    }

    [Fact]
    public async Task Summary_RolledBackInTheShift_EndsFinishedAtZero_AndACreatedOneStartsAbsent()
    {
        await using var host = await ShiftReviewHost.CreateAsync();
        var rollout = await host.StartRolloutAsync();
        await Save(host, rollout, T0.AddHours(2), (r, at) => r.RollBack("bob", "errors", at));
        host.Clock.SetUtcNow(T0.AddHours(3));
        var created = await StoredRollouts.CreateAsync(host.Get<RolloutStore>(), T0.AddHours(3), service: "billing-api");

        var summary = await host.Get<ShiftSummaryService>().BuildAsync(T0.AddHours(1), T0.AddHours(9));

        Assert.Equal(["billing-api v3.0.0", "learning-api v3.0.0"], summary.Rollouts.Select(r => r.Rollout));
        var fresh = JsonSerializer.SerializeToElement(summary.Rollouts[0], Wire);
        var rolledBack = JsonSerializer.SerializeToElement(summary.Rollouts[1], Wire);
        Assert.Equal(created.Id, summary.Rollouts[0].RolloutId);
        Assert.Equal(JsonValueKind.Null, fresh.GetProperty("atStart").ValueKind);
        Assert.Equal((null, "not started", 0, false), Words(fresh.GetProperty("atEnd")));
        Assert.Equal(("canary", "rolled back", 0, true), Words(rolledBack.GetProperty("atEnd")));
    }

    [Fact]
    public async Task Summary_ARolloutFinishedBeforeTheShiftWithNothingInIt_IsLeftOut()
    {
        await using var host = await ShiftReviewHost.CreateAsync();
        var rollout = await host.StartRolloutAsync();
        await Save(host, rollout, T0.AddHours(1), (r, at) => r.Abort("bob", "wrong build", at));

        var summary = await host.Get<ShiftSummaryService>().BuildAsync(T0.AddHours(2), T0.AddHours(10));
        var during = await host.Get<ShiftSummaryService>().BuildAsync(T0.AddMinutes(30), T0.AddHours(2));

        Assert.Empty(summary.Rollouts);
        var json = JsonSerializer.SerializeToElement(Assert.Single(during.Rollouts), Wire);
        Assert.Equal(("canary", "aborted", 0, true), Words(json.GetProperty("atEnd")));
    }

    [Fact]
    public async Task Summary_CountsVerdictsIncidentsAndGuardrailReductions_FromThePayloads()
    {
        await using var host = await ShiftReviewHost.CreateAsync();
        var rollout = await host.StartRolloutAsync();
        await ShiftReviewHost.RecordVerdictAsync(host, rollout.Id, "00:15:00", "Warn");
        await ShiftReviewHost.RecordVerdictAsync(host, rollout.Id, "00:30:00", "Fail");
        await host.Get<AuditLog>().AppendAsync("carol", "incident.opened", rollout.Id, new
        {
            incidentId = Guid.NewGuid(),
            severity = nameof(IncidentSeverity.Critical),
            title = "checkout errors",
            owner = "carol",
            dataLoss = false,
        });
        await Save(host, rollout, T0.AddMinutes(1), (r, at) => r.ChangeTraffic(5, "bob", "more", at));
        await Save(host, rollout, T0.AddMinutes(2), (r, at) => r.ChangeTraffic(2, AutomationActors.Guardrails.Name, "'Error rate > 1.5 %' held", at));

        var summary = await host.Get<ShiftSummaryService>().BuildAsync(T0, T0.AddHours(8));

        Assert.Equal((1, 1), (summary.VerdictsByOutcome[Verdict.Warn], summary.VerdictsByOutcome[Verdict.Fail]));
        Assert.Equal((1, 0), (summary.IncidentsBySeverity[IncidentSeverity.Critical], summary.IncidentsBySeverity[IncidentSeverity.High]));
        Assert.Equal((3, 1), (summary.TrafficChanges, summary.GuardrailActions));
        Assert.Equal(90, summary.WorstMoment?.Gravity);
    }

    [Fact]
    public async Task SummaryPanel_SaysEachRolloutsStateAtStartAndEndInWords()
    {
        await using var host = await ShiftReviewHost.CreateAsync();
        var rollout = await host.StartRolloutAsync();
        await Save(host, rollout, T0.AddHours(2), (r, at) => r.ChangeTraffic(5, "bob", "more", at));
        host.Clock.SetUtcNow(T0.AddHours(3));
        await StoredRollouts.CreateAsync(host.Get<RolloutStore>(), T0.AddHours(3), service: "billing-api");

        var panel = host.Context.Render<ShiftSummaryPanel>(p => p.Add(x => x.From, T0.AddHours(1)).Add(x => x.To, T0.AddHours(9)));

        var rows = panel.FindAll("[data-testid=summary-rollout]").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();
        Assert.Equal(
            [
                "billing-api v3.0.0 | not created yet | not started",
                "learning-api v3.0.0 | running in 'canary' at 1 % canary | running in 'canary' at 5 % canary",
            ],
            rows);
    }

    // The audit log stamps each event with the app's clock: the clock is moved to the command's moment first.
    private static Task<IReadOnlyList<TrafficChange>> Save(AppTestHost host, Rollout rollout, DateTimeOffset at, Func<Rollout, DateTimeOffset, RolloutResult> command)
    {
        host.Clock.SetUtcNow(at);
        return StoredRollouts.SaveAsync(host.Get<RolloutStore>(), rollout, r => command(r, at));
    }

    private static (string? Phase, string? State, int Percent, bool Finished) Words(JsonElement state) => (
        state.GetProperty("phase").GetString(), state.GetProperty("state").GetString(), state.GetProperty("canaryPercent").GetInt32(), state.GetProperty("isFinished").GetBoolean());
}
