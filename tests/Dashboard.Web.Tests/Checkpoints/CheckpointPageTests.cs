using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Checkpoints;
using Dashboard.Web.Features.Checkpoints.Pages;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Checkpoints;

public sealed class CheckpointPageTests
{
    [Fact]
    public async Task Page_StoredFailingVerdict_ShowsHeaderCriteriaAndOpensWhyForWhatDidNotPass()
    {
        await using var host = await CheckpointTestHost.CreateAsync();
        var id = await StoreFailingVerdictAsync(host);

        var page = Render(host, id);

        Assert.Equal("Fail", page.Find("[data-testid=checkpoint-verdict]").GetAttribute("data-verdict"));
        Assert.Contains("Suggested decision: Reduce traffic", page.Find("[data-testid=checkpoint-suggestion]").TextContent, StringComparison.Ordinal);
        Assert.Equal(2, page.FindAll("[data-testid=criterion-row]").Count);
        var details = page.FindAll("[data-testid=criterion-detail]");
        Assert.True(details[0].HasAttribute("open"));
        Assert.False(details[1].HasAttribute("open"));
        Assert.Equal(CheckpointEvaluations.Query, page.Find("[data-testid=criterion-query]").TextContent);
        Assert.NotEmpty(page.FindAll("[data-testid=decision-none]"));
    }

    [Fact]
    public async Task Page_DecisionRecordedElsewhere_AppearsWithoutReload()
    {
        await using var host = await CheckpointTestHost.CreateAsync();
        var id = await StoreFailingVerdictAsync(host);
        var page = Render(host, id);

        var outcome = await host.Context.Services.GetRequiredService<CheckpointDecisionService>()
            .RecordAsync(id, 0, 900, new CheckpointDecisionRequest("Abort", "error rate keeps rising", []), Actor.Person("dave", [WarRoomRole.OperationsLead]));

        Assert.NotNull(outcome.Value);
        page.WaitForAssertion(() => Assert.Equal("Abort", page.Find("[data-testid=decision-entry]").GetAttribute("data-decision")), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Page_RerunWithoutReason_SaysWhatIsMissingAndEvaluatesNothing()
    {
        await using var host = await CheckpointTestHost.CreateAsync();
        var id = await StoreFailingVerdictAsync(host);
        var page = Render(host, id);

        page.Find("button[data-testid=rerun-button], [data-testid=rerun-button] button").Click();

        Assert.Equal("reason is required: why re-run it", page.Find("[data-testid=rerun-problem]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=rerun-actor]"));
        Assert.Empty(page.FindAll("[data-testid=rerun-summary]"));
        var audit = await host.Context.Services.GetRequiredService<AuditLog>().ReadAsync(id);
        Assert.DoesNotContain(audit, e => e.Kind == "checkpoint.reevaluated");
    }

    [Fact]
    public async Task Page_ForAViewer_ShowsTheVerdictWithoutReRunOrDecisionForm()
    {
        await using var host = await CheckpointTestHost.CreateAsync(TestUser.Viewer);
        var id = await StoreFailingVerdictAsync(host);

        var page = Render(host, id);

        Assert.Equal("Fail", page.Find("[data-testid=checkpoint-verdict]").GetAttribute("data-verdict"));
        Assert.Empty(page.FindAll("[data-testid=rerun-bar]"));
        Assert.Empty(page.FindAll("[data-testid=decision-form]"));
        Assert.Equal(
            [
                "You are signed in as viewer: you can read this checkpoint but not re-run it.",
                "You are signed in as viewer: you can read the decisions but not record one.",
            ],
            page.FindAll("[data-testid=access-note]").Select(n => n.TextContent.Trim()));
    }

    [Fact]
    public async Task Page_ForALead_OffersReRunAndTheDecisionForm()
    {
        await using var host = await CheckpointTestHost.CreateAsync(TestUser.EngineeringLead);
        var id = await StoreFailingVerdictAsync(host);

        var page = Render(host, id);

        Assert.NotEmpty(page.FindAll("[data-testid=rerun-bar]"));
        Assert.NotEmpty(page.FindAll("[data-testid=decision-form]"));
        Assert.Empty(page.FindAll("[data-testid=access-note]"));
    }

    [Fact]
    public async Task Page_CheckpointWithoutVerdict_SaysItHasNone()
    {
        await using var host = await CheckpointTestHost.CreateAsync();
        var id = await StoreFailingVerdictAsync(host);

        var page = host.Context.Render<CheckpointPage>(p => p.Add(c => c.Id, id).Add(c => c.PhaseIndex, 0).Add(c => c.OffsetSeconds, 1800L));

        Assert.Contains("no evaluated checkpoint 1800 s into phase 0", page.Find("[data-testid=checkpoint-missing]").TextContent, StringComparison.Ordinal);
    }

    private static IRenderedComponent<CheckpointPage> Render(CheckpointTestHost host, Guid id) =>
        host.Context.Render<CheckpointPage>(p => p.Add(c => c.Id, id).Add(c => c.PhaseIndex, 0).Add(c => c.OffsetSeconds, 900L));

    private static async Task<Guid> StoreFailingVerdictAsync(CheckpointTestHost host)
    {
        var detail = await host.StartRolloutAsync();
        await host.StoreAsync(detail.Rollout.Id, CheckpointEvaluations.Canary(TimeSpan.FromMinutes(15), errorRate: 1.4));
        return detail.Rollout.Id;
    }
}
