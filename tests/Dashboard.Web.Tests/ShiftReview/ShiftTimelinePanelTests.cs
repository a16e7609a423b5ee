using Dashboard.Infrastructure.Persistence;
using Dashboard.TestSupport;
using Dashboard.Web.Features.Guardrails;
using Dashboard.Web.Features.ShiftReview;
using Dashboard.Web.Features.ShiftReview.Components;
using Dashboard.Web.Tests.TestSupport;
using MudBlazor;

namespace Dashboard.Web.Tests.ShiftReview;

/// <summary>The handoff timeline on a real SQLite audit log: words, near-misses, links, filters and the window's edges.</summary>
public sealed class ShiftTimelinePanelTests
{
    private static readonly DateTimeOffset T0 = AppTestHost.T0;

    [Fact]
    public async Task Timeline_ShowsTheWindowNewestFirst_InWords_WithNearMissesFoldedAndLinked()
    {
        await using var host = await ShiftReviewHost.CreateAsync();
        var rollout = await host.StartRolloutAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        await ShiftReviewHost.RecordStreakAsync(host, rollout, host.Clock.GetUtcNow(), 1, 2);
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        var blindSince = host.Clock.GetUtcNow();
        await host.Get<GuardrailNearMissRecorder>().BlindStartedAsync(rollout, blindSince, ["errorRatePct"], "no data in the last 10 s", CancellationToken.None);
        host.Clock.Advance(TimeSpan.FromSeconds(250));
        await host.Get<GuardrailNearMissRecorder>().BlindEndedAsync(rollout.Id, blindSince, host.Clock.GetUtcNow(), watched: true, CancellationToken.None);
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await ShiftReviewHost.RecordVerdictAsync(host, rollout.Id, "00:15:00", "Warn");

        var panel = host.Context.Render<ShiftTimelinePanel>(p => p.Add(x => x.From, T0.AddHours(-1)).Add(x => x.To, T0.AddHours(1)));

        var rows = panel.FindAll("[data-testid=timeline-entry]");
        Assert.Equal(
            ["CheckpointVerdict", "GuardrailBlind", "GuardrailStreak", "TrafficChange", "PhaseTransition", "PhaseTransition"],
            rows.Select(r => r.GetAttribute("data-kind")));
        Assert.Equal(["true", "true", "true", "false", "false", "false"], rows.Select(r => r.GetAttribute("data-near-miss")));
        Assert.Contains("Checkpoint 15m of 'canary': WARN", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Guardrails were blind for 4 min 10 s, until data came back", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("breached 2 of 3 polls in a row; no action", rows[2].TextContent, StringComparison.Ordinal);
        Assert.Contains("Error rate", rows[2].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("errorRatePct", panel.Markup, StringComparison.Ordinal);
        Assert.Contains("Guardrails blind (near-miss)", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal($"/rollouts/{rollout.Id}/checkpoints/0/900", rows[0].QuerySelector("[data-testid=timeline-open]")!.GetAttribute("href"));
        Assert.Equal("/?at=2026-11-23T12:24:10Z", rows[0].QuerySelector("[data-testid=timeline-board]")!.GetAttribute("href"));
        Assert.Matches($"^/rollouts/{rollout.Id}\\?audit=\\d+#audit-\\d+$", rows[2].QuerySelector("[data-testid=timeline-open]")!.GetAttribute("href")!);
    }

    [Fact]
    public async Task Timeline_AnExecutiveSummary_IsAnEntryLinkedToItsPage()
    {
        await using var host = await ShiftReviewHost.CreateAsync();
        var rollout = await host.StartRolloutAsync();
        var summaryId = Guid.NewGuid();
        host.Clock.Advance(TimeSpan.FromMinutes(30));
        await host.Get<Dashboard.Infrastructure.Persistence.Audit.AuditLog>().AppendAsync("automation (summaries)", "summary.generated", rollout.Id, new
        {
            summaryId,
            phaseIndex = 0,
            phase = "canary",
            milestone = "end",
            periodEnd = host.Clock.GetUtcNow(),
            outlook = "OnTrack",
            verdict = "On track: every criterion passes.",
        });

        var panel = host.Context.Render<ShiftTimelinePanel>(p => p.Add(x => x.From, T0.AddHours(-1)).Add(x => x.To, T0.AddHours(1)));

        var entry = panel.FindAll("[data-testid=timeline-entry]")[0];
        Assert.Equal("ExecutiveSummary", entry.GetAttribute("data-kind"));
        Assert.Contains("Executive summary 'End of canary': On track: every criterion passes.", entry.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/rollouts/{rollout.Id}/summaries/{summaryId}", entry.QuerySelector("[data-testid=timeline-open]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Timeline_FilteredByKindThenRollout_ShowsOnlyThoseEntries()
    {
        await using var host = await ShiftReviewHost.CreateAsync();
        var first = await host.StartRolloutAsync();
        var second = await StoredRollouts.CreateAsync(host.Get<RolloutStore>(), T0, service: "billing-api");
        await ShiftReviewHost.RecordVerdictAsync(host, first.Id, "00:15:00", "Pass");
        await ShiftReviewHost.RecordVerdictAsync(host, second.Id, "00:15:00", "Fail");
        var panel = host.Context.Render<ShiftTimelinePanel>(p => p.Add(x => x.From, T0).Add(x => x.To, T0.AddHours(8)));
        Assert.Equal(6, panel.FindAll("[data-testid=timeline-entry]").Count);

        await panel.InvokeAsync(() => panel.FindComponent<MudSelect<TimelineKind?>>().Instance.ValueChanged.InvokeAsync(TimelineKind.CheckpointVerdict));
        Assert.Equal(2, panel.FindAll("[data-testid=timeline-entry]").Count);
        await panel.InvokeAsync(() => panel.FindComponent<MudSelect<Guid?>>().Instance.ValueChanged.InvokeAsync(second.Id));

        var row = Assert.Single(panel.FindAll("[data-testid=timeline-entry]"));
        Assert.Contains("billing-api v3.0.0", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("FAIL", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeline_LeavesOutWhatHappenedBeforeOrAtTheWindowsEnd_AndSaysSoWhenEmpty()
    {
        await using var host = await ShiftReviewHost.CreateAsync();
        await host.StartRolloutAsync();

        var before = host.Context.Render<ShiftTimelinePanel>(p => p.Add(x => x.From, T0.AddHours(-8)).Add(x => x.To, T0));
        var after = host.Context.Render<ShiftTimelinePanel>(p => p.Add(x => x.From, T0.AddTicks(1)).Add(x => x.To, T0.AddHours(8)));

        Assert.Empty(before.FindAll("[data-testid=timeline-entry]"));
        Assert.Empty(after.FindAll("[data-testid=timeline-entry]"));
        Assert.Equal("Nothing happened in this window.", before.Find("[data-testid=timeline-empty]").TextContent.Trim());
    }

    [Fact]
    public async Task Timeline_ReReadsWhenARolloutChanges()
    {
        await using var host = await ShiftReviewHost.CreateAsync();
        var rollout = await host.StartRolloutAsync();
        var panel = host.Context.Render<ShiftTimelinePanel>(p => p.Add(x => x.From, T0).Add(x => x.To, T0.AddHours(8)));
        Assert.Equal(3, panel.FindAll("[data-testid=timeline-entry]").Count);

        await ShiftReviewHost.RecordStreakAsync(host, rollout, T0, 1);

        panel.WaitForAssertion(() => Assert.Equal("GuardrailStreak", panel.FindAll("[data-testid=timeline-entry]")[0].GetAttribute("data-kind")));
    }
}
