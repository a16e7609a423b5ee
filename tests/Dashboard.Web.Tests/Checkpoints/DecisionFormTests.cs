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
    public async Task Form_BlankNotesAndAnItemWithoutOwner_ErrorsBesideEachFieldSubmitDisabledAndNothingStored()
    {
        await using var host = await CheckpointTestHost.CreateAsync();
        var (rolloutId, verdictId) = await StoreVerdictAsync(host);
        var form = Render(host, rolloutId);
        Assert.True(Submit(form).HasAttribute("disabled"));
        Assert.Empty(form.FindAll("[data-testid=field-problem]"));

        form.Find("[data-testid=decision-add-item] button, button[data-testid=decision-add-item]").Click();
        form.Find("[data-testid=decision-item-text]").Input("wire the incident log");
        form.Find("[data-testid=decision-item-owner]").Input(" ");
        form.Find("[data-testid=decision-notes]").Input("   ");

        Assert.Equal("notes are required: say why", ProblemBeside(form, "decision-notes"));
        Assert.Equal("an action item needs an owner", ProblemBeside(form, "decision-item-owner"));
        Assert.Null(ProblemBeside(form, "decision-item-text"));
        Assert.Contains("decision-form__input--invalid", form.Find("[data-testid=decision-notes]").ClassName, StringComparison.Ordinal);
        Assert.True(Submit(form).HasAttribute("disabled"));
        await Submit(form).ClickAsync(new());
        Assert.Empty(await host.Context.Services.GetRequiredService<CheckpointDecisionStore>().ListAsync(verdictId));
    }

    [Fact]
    public async Task Form_DueDateInThePast_IsRefusedBesideItAndNothingStored()
    {
        await using var host = await CheckpointTestHost.CreateAsync();
        var (rolloutId, verdictId) = await StoreVerdictAsync(host);
        var form = Render(host, rolloutId);
        form.Find("[data-testid=decision-notes]").Input("watching segment B");
        form.Find("[data-testid=decision-add-item] button, button[data-testid=decision-add-item]").Click();
        form.Find("[data-testid=decision-item-text]").Input("look at segment B");
        form.Find("[data-testid=decision-item-owner]").Input("bob");
        Assert.False(Submit(form).HasAttribute("disabled"));

        form.Find("[data-testid=decision-item-due]").Change("2026-11-21");

        Assert.Equal("the due date 2026-11-21 is in the past: the earliest is 2026-11-22", ProblemBeside(form, "decision-item-due"));
        Assert.True(Submit(form).HasAttribute("disabled"));
        await Submit(form).ClickAsync(new());
        Assert.Empty(await host.Context.Services.GetRequiredService<CheckpointDecisionStore>().ListAsync(verdictId));

        form.Find("[data-testid=decision-item-due]").Change("2026-11-22");
        Assert.Null(ProblemBeside(form, "decision-item-due"));
        Assert.False(Submit(form).HasAttribute("disabled"));
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
        form.Find("[data-testid=decision-notes]").Input("error rate creeping up in segment B");
        form.Find("button[data-testid=decision-add-item], [data-testid=decision-add-item] button").Click();
        form.Find("[data-testid=decision-item-text]").Input("look at segment B");
        form.Find("[data-testid=decision-item-owner]").Input("bob");
        Submit(form).Click();

        var stored = Assert.Single(await host.Context.Services.GetRequiredService<CheckpointDecisionStore>().ListAsync(verdictId));
        Assert.Equal(("ReduceTraffic", "carol", "error rate creeping up in segment B"), (stored.Decision, stored.DecidedBy, stored.Notes));
        Assert.Equal([new CheckpointActionItem("look at segment B", "bob", null)], CheckpointDecisionView.From(stored).ActionItems);
        var audit = await host.Context.Services.GetRequiredService<AuditLog>().ReadAsync(rolloutId);
        Assert.Equal("carol", audit.Single(e => e.Kind == "checkpoint.decided").Actor);
        Assert.Equal(stored.Id, told?.Id);
        Assert.Empty(form.FindAll("[data-testid=field-problem]"));
    }

    private static AngleSharp.Dom.IElement Submit(IRenderedComponent<DecisionForm> form) =>
        form.Find("button[data-testid=decision-submit], [data-testid=decision-submit] button");

    /// <summary>The problem shown right under the field with <paramref name="testId"/>, if any.</summary>
    private static string? ProblemBeside(IRenderedComponent<DecisionForm> form, string testId) =>
        form.Find($"[data-testid={testId}]").ParentElement!.QuerySelector("[data-testid=field-problem]")?.TextContent;

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
