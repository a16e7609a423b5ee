using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Checkpoints;
using Dashboard.Web.Features.Checkpoints.Components;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Checkpoints;

public sealed class DecisionFormTests
{
    [Fact]
    public async Task Submit_WithoutNotesAndAnItemWithoutOwner_ShowsEveryProblemAndStoresNothing()
    {
        await using var host = await CheckpointTestHost.CreateAsync();
        var (rolloutId, verdictId) = await StoreVerdictAsync(host);
        var form = Render(host, rolloutId);

        form.Find("[data-testid=decision-add-item] button, button[data-testid=decision-add-item]").Click();
        form.Find("[data-testid=decision-item-text]").Change("wire the incident log");
        form.Find("button[data-testid=decision-submit], [data-testid=decision-submit] button").Click();

        var problems = form.FindAll("[data-testid=decision-problem]").Select(p => p.TextContent).ToList();
        Assert.Equal(["notes are required: say why", "an action item needs an owner"], problems);
        Assert.Empty(await host.Context.Services.GetRequiredService<CheckpointDecisionStore>().ListAsync(verdictId));
    }

    [Fact]
    public async Task Submit_Valid_StoresTheDecisionWithItsAuditEventAndTellsThePage()
    {
        await using var host = await CheckpointTestHost.CreateAsync(new TestUser("carol", WarRoomRole.ProductLead));
        var (rolloutId, verdictId) = await StoreVerdictAsync(host);
        CheckpointDecisionView? told = null;
        var form = Render(host, rolloutId, recorded => told = recorded);

        Assert.Equal("MonitorClosely", form.Find("[data-testid=decision-choice]").GetAttribute("value"));
        Assert.Equal($"/rollouts/{rolloutId}", form.Find("[data-testid=decision-rollout-link]").GetAttribute("href"));
        form.Find("[data-testid=decision-choice]").Change("ReduceTraffic");
        Assert.Equal("carol", form.Find("[data-testid=acting-as]").GetAttribute("data-actor"));
        form.Find("[data-testid=decision-notes]").Change("error rate creeping up in segment B");
        form.Find("button[data-testid=decision-add-item], [data-testid=decision-add-item] button").Click();
        form.Find("[data-testid=decision-item-text]").Change("look at segment B");
        form.Find("[data-testid=decision-item-owner]").Change("bob");
        form.Find("button[data-testid=decision-submit], [data-testid=decision-submit] button").Click();

        var stored = Assert.Single(await host.Context.Services.GetRequiredService<CheckpointDecisionStore>().ListAsync(verdictId));
        Assert.Equal(("ReduceTraffic", "carol", "error rate creeping up in segment B"), (stored.Decision, stored.DecidedBy, stored.Notes));
        Assert.Equal([new CheckpointActionItem("look at segment B", "bob", null)], CheckpointDecisionView.From(stored).ActionItems);
        var audit = await host.Context.Services.GetRequiredService<AuditLog>().ReadAsync(rolloutId);
        Assert.Equal("carol", audit.Single(e => e.Kind == "checkpoint.decided").Actor);
        Assert.Equal(stored.Id, told?.Id);
        Assert.Empty(form.FindAll("[data-testid=decision-problem]"));
    }

    private static IRenderedComponent<DecisionForm> Render(CheckpointTestHost host, Guid rolloutId, Action<CheckpointDecisionView>? recorded = null) =>
        host.Context.Render<DecisionForm>(p => p
            .Add(f => f.RolloutId, rolloutId)
            .Add(f => f.PhaseIndex, 0)
            .Add(f => f.OffsetSeconds, 900L)
            .Add(f => f.Suggested, Dashboard.Core.Checkpoints.CheckpointDecision.MonitorClosely)
            .Add(f => f.OnRecorded, view => recorded?.Invoke(view)));

    private static async Task<(Guid RolloutId, Guid VerdictId)> StoreVerdictAsync(CheckpointTestHost host)
    {
        var detail = await host.StartRolloutAsync();
        await host.StoreAsync(detail.Rollout.Id, CheckpointEvaluations.Canary(TimeSpan.FromMinutes(15), errorRate: 0.9));
        return (detail.Rollout.Id, (await host.Verdicts.ListAsync(detail.Rollout.Id)).Single().Id);
    }
}
