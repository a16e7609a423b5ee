using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Checkpoints;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared;
using Dashboard.Web.Tests.Checkpoints;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Tests.Reasons;

/// <summary>
/// The top of the rollout page on a real state store, across states: the state and why (who, their words or the
/// rule and its value, and a link to the evidence), the current and confirmed weight, planned against actual, and the
/// actions — before any history.
/// </summary>
public sealed class RolloutTopTests
{
    internal const string GuardrailWords =
        "Guardrail: auto-rollback trigger Error rate > 1.5 % held for 3 consecutive polls (3 required) since 12:00:05 UTC: error rate 3.27 %";

    private static string Text(IRenderedComponent<RolloutPage> page, string testId) => page.Find($"[data-testid={testId}]").TextContent.Trim();

    internal static async Task ActAsync(AppTestHost host, Guid id, RolloutAction action, Actor actor, string reason, int? percent = null)
    {
        var outcome = await host.Get<RolloutService>().ExecuteAsync(id, new RolloutCommand(action, actor, reason, TrafficChangeSource.Automation, percent));
        Assert.True(outcome.Kind == OutcomeKind.Succeeded, $"{action}: {outcome.Kind} {outcome.Detail}");
    }

    private static async Task<long> SequenceOfAsync(AppTestHost host, Guid id, string kind) =>
        (await host.Get<AuditLog>().ReadAsync(id)).Last(e => e.Kind == kind).Sequence;

    private static Actor Operator => Actor.Person("alice", [WarRoomRole.Operator]);

    [Fact]
    public async Task Running_ShowsTheStateBothWeightsPlannedAgainstActualAndTheActions_WithoutAReason()
    {
        await using var host = await AppTestHost.CreateAsync(TestUser.Operator, RolloutPageTesting.AddRolloutPageServices);
        var rollout = await host.StartRolloutAsync();
        await ActAsync(host, rollout.Id, RolloutAction.ChangeTraffic, Operator, "canary healthy", 10);

        var (page, _) = host.RenderRolloutPage(rollout.Id);

        Assert.Equal("Phase 1 of 3, 'canary', is running.", Text(page, "state-line"));
        Assert.Empty(page.FindAll("[data-testid=state-reason]"));
        Assert.Equal("10 %", Text(page, "weight-requested"));
        Assert.Equal("10 %", Text(page, "weight-applied"));
        Assert.Equal("Not as planned: phase 'canary' plans 1 %, the rollout is at 10 %.", Text(page, "weight-planned"));
        Assert.Equal("1 % planned · now 10 %", Text(page, "phase-0-weight"));
        Assert.Equal("RUNNING", Text(page, "rollout-status"));
        Assert.NotNull(page.Find("[data-testid=rollout-top] [data-testid=next-checkpoint]"));
        Assert.NotNull(page.Find("[data-testid=rollout-top] [data-testid=gate]"));
        Assert.NotNull(page.Find("[data-testid=rollout-top] button[data-testid=action-hold]"));
        Assert.NotNull(page.Find("[data-testid=rollout-top] button[data-testid=action-roll-back]"));
    }

    [Fact]
    public async Task HeldByACheckpoint_SaysTheVerdictsWordsAndLinksItsCheckpointPage()
    {
        await using var host = await AppTestHost.CreateAsync(TestUser.Operator, RolloutPageTesting.AddRolloutPageServices);
        var rollout = await host.StartRolloutAsync();
        var evaluation = CheckpointEvaluations.Canary(TimeSpan.FromMinutes(30), errorRate: 1.5);
        Assert.True(await host.Get<CheckpointVerdictStore>().TryAddAsync(rollout.Id, AppTestHost.T0, evaluation, AutomationActors.Checkpoints.Name));
        host.Clock.Advance(TimeSpan.FromMinutes(31));
        await ActAsync(host, rollout.Id, RolloutAction.Hold, AutomationActors.Checkpoints, $"Checkpoint 30m of phase 'canary' is FAIL: {evaluation.DecisionReason}");

        var (page, _) = host.RenderRolloutPage(rollout.Id);

        Assert.Equal("Phase 1 of 3, 'canary', is held.", Text(page, "state-line"));
        Assert.Equal("Held by automation (checkpoints) at Nov 23 12:31:00 UTC:", Text(page, "state-reason-what"));
        Assert.StartsWith("Checkpoint 30m of phase 'canary' is FAIL: ", Text(page, "state-reason-words"), StringComparison.Ordinal);
        var evidence = page.Find("[data-testid=state-reason-evidence]");
        Assert.Equal(CheckpointRoutes.Page(rollout.Id, 0, 1800), evidence.GetAttribute("href"));
        Assert.Equal("Evidence: checkpoint 30m of phase 'canary'", evidence.TextContent.Trim());
        Assert.Equal("HELD", Text(page, "rollout-status"));
        Assert.NotNull(page.Find("[data-testid=rollout-top] button[data-testid=action-resume]"));
    }

    [Fact]
    public async Task RolledBackByTheGuardrails_ShowsTheRuleAndItsMeasuredValue_AndNoLiveVerdictReadsAsAPass()
    {
        await using var host = await AppTestHost.CreateAsync(TestUser.Operator, RolloutPageTesting.AddRolloutPageServices);
        var rollout = await host.StartRolloutAsync();
        await ActAsync(host, rollout.Id, RolloutAction.RollBack, AutomationActors.Guardrails, GuardrailWords);
        var sequence = await SequenceOfAsync(host, rollout.Id, "rollout.rolledBack");

        var (page, _) = host.RenderRolloutPage(rollout.Id);

        Assert.Equal("The rollout is rolled back (in phase 1 of 3, 'canary'); nothing can change it any more.", Text(page, "state-line"));
        Assert.Equal("Rolled back by automation (guardrails) at Nov 23 12:00:00 UTC:", Text(page, "state-reason-what"));
        Assert.Equal(GuardrailWords, Text(page, "state-reason-words"));
        Assert.Equal($"/rollouts/{rollout.Id}?audit={sequence}#audit-{sequence}", page.Find("[data-testid=state-reason-evidence]").GetAttribute("href"));
        Assert.Equal("0 %", Text(page, "weight-requested"));
        Assert.Equal("0 %", Text(page, "weight-applied"));
        Assert.Equal("ROLLED BACK", Text(page, "rollout-status"));
        Assert.Contains("The rollout is rolled back", Text(page, "criteria-ended"), StringComparison.Ordinal);
        var criteria = page.Find("[data-testid=criteria-panel]").TextContent;
        Assert.DoesNotContain("PASS", criteria, StringComparison.Ordinal);
        Assert.DoesNotContain("CLEAR", criteria, StringComparison.Ordinal);
        Assert.All(page.FindAll("[data-testid=criteria-panel] [data-verdict]"), row => Assert.Equal("None", row.GetAttribute("data-verdict")));
    }

    [Fact]
    public async Task RolledBackByAPerson_QuotesTheirWordsAndTheEvidenceLinkOpensTheAuditEntry()
    {
        await using var host = await AppTestHost.CreateAsync(TestUser.Operator, RolloutPageTesting.AddRolloutPageServices);
        var rollout = await host.StartRolloutAsync();
        await ActAsync(host, rollout.Id, RolloutAction.RollBack, Actor.Person("erin", [WarRoomRole.EngineeringLead]), "error spike in EU");
        var sequence = await SequenceOfAsync(host, rollout.Id, "rollout.rolledBack");

        var (page, _) = host.RenderRolloutPage(rollout.Id);

        Assert.Equal("Rolled back by erin at Nov 23 12:00:00 UTC:", Text(page, "state-reason-what"));
        Assert.Equal("“error spike in EU”", Text(page, "state-reason-words"));
        Assert.Equal($"Evidence: audit entry #{sequence}", Text(page, "state-reason-evidence"));
        Assert.Equal("1 % planned · now 0 %", Text(page, "phase-0-weight"));
        var entry = page.Find($"#audit-{sequence}");
        Assert.Contains("Rollout rolled back", entry.TextContent, StringComparison.Ordinal);
        Assert.Contains("error spike in EU", entry.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aborted_SaysWhoAbortedAndWhy()
    {
        await using var host = await AppTestHost.CreateAsync(TestUser.Operator, RolloutPageTesting.AddRolloutPageServices);
        var rollout = await host.StartRolloutAsync();
        await ActAsync(host, rollout.Id, RolloutAction.Abort, Operator, "wrong build tagged");

        var (page, _) = host.RenderRolloutPage(rollout.Id);

        Assert.Equal("ABORTED", Text(page, "rollout-status"));
        Assert.Equal("Aborted by alice at Nov 23 12:00:00 UTC:", Text(page, "state-reason-what"));
        Assert.Equal("“wrong build tagged”", Text(page, "state-reason-words"));
        Assert.Equal("ended", page.Find("[data-testid=state-reason]").ClassList.Single(c => c.StartsWith("state-reason--", StringComparison.Ordinal))["state-reason--".Length..]);
        Assert.All(page.FindAll("[data-testid=rollout-top] button[data-testid^=action-]"), button => Assert.True(button.HasAttribute("disabled"), button.TextContent));
    }

    [Fact]
    public async Task Completed_SaysWhoCompletedItAndNoLiveVerdictReadsAsAPass()
    {
        await using var host = await AppTestHost.CreateAsync(TestUser.Operator, RolloutPageTesting.AddRolloutPageServices);
        var rollout = await host.StartRolloutAsync();
        for (var phase = 0; phase < 3; phase++)
        {
            await ActAsync(host, rollout.Id, RolloutAction.Advance, Operator, $"phase {phase + 1} looks good");
        }

        var (page, _) = host.RenderRolloutPage(rollout.Id);

        Assert.Equal("COMPLETED", Text(page, "rollout-status"));
        Assert.Equal("Completed by alice at Nov 23 12:00:00 UTC:", Text(page, "state-reason-what"));
        Assert.Equal("“phase 3 looks good”", Text(page, "state-reason-words"));
        Assert.Equal("100 %", Text(page, "weight-applied"));
        Assert.Contains("The rollout is completed", Text(page, "criteria-ended"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditEvidenceLink_OpensThePageOfTheAuditLogThatHoldsTheEntry()
    {
        await using var host = await AppTestHost.CreateAsync(TestUser.Operator, RolloutPageTesting.AddRolloutPageServices);
        var rollout = await host.StartRolloutAsync();
        var started = await SequenceOfAsync(host, rollout.Id, "rollout.started");
        for (var percent = 2; percent <= 13; percent++)
        {
            await ActAsync(host, rollout.Id, RolloutAction.ChangeTraffic, Operator, "step up", percent);
        }

        host.Get<NavigationManager>().NavigateTo($"/rollouts/{rollout.Id}?audit={started}#audit-{started}");
        var (page, _) = host.RenderRolloutPage(rollout.Id);

        var entry = page.Find($"#audit-{started}");
        Assert.Contains("audit-event--focus", entry.ClassList);
        Assert.Contains("Rollout started", entry.TextContent, StringComparison.Ordinal);
        Assert.DoesNotMatch("^1–", page.Find("[data-testid=audit-trail-range]").TextContent);
    }
}
