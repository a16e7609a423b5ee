using System.Text.Json;
using Dashboard.Core.Evaluation;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Summaries;
using Dashboard.Web.Tests.TestSupport;

namespace Dashboard.Web.Tests.Summaries;

/// <summary>Executive summaries as the generator writes them, and storing one as the runner does.</summary>
internal static class Summaries
{
    public static SummaryCriterion ErrorRate(Verdict verdict, string value = "0.4 %", string? noData = null) =>
        new("Error rate", "< 1 %", value, noData is null ? 0.4 : null, verdict, true, noData);

    public static ExecutiveSummary Of(Guid rolloutId, SummaryOutlook outlook, string verdict, params SummaryCriterion[] criteria) => new(
        Guid.NewGuid(),
        rolloutId,
        "learning-api",
        "1.4.0",
        "1.5.0",
        "Three phases",
        0,
        "canary",
        5,
        "end",
        "End of canary",
        RolloutViews.T0,
        RolloutViews.T0.AddHours(2),
        TimeSpan.FromHours(2),
        1,
        RolloutViews.T0.AddHours(2).AddSeconds(10),
        null,
        new SummaryStatus("running", "completed", outlook, criteria.Length == 0 ? Verdict.NoData : criteria.Max(c => c.Verdict!.Value), verdict),
        criteria,
        new SummaryCriterion("Revenue impact", string.Empty, "+0.8 %", 0.8, null, true, null),
        [new SummaryIncident("high", "Slow grading", "dave", RolloutViews.T0.AddMinutes(30), null, true)],
        [new SummaryDecision(RolloutViews.T0.AddMinutes(15), "Checkpoint", "automation (checkpoints)", "15m: PASS, suggested: continue")],
        [new SummaryTrafficChange(RolloutViews.T0, 0, 5, "alice", "go", "confirmed", null)],
        ["Now running: beta at 25 % of traffic."]);

    public static async Task StoreAsync(ExecutiveSummaryStore store, ExecutiveSummary summary) =>
        Assert.True(await store.TryAddAsync(
            new ExecutiveSummaryRecord
            {
                Id = summary.Id,
                RolloutId = summary.RolloutId,
                PhaseIndex = summary.PhaseIndex,
                PhaseStartedAt = summary.PeriodStart,
                Milestone = summary.Milestone,
                PeriodEnd = summary.PeriodEnd,
                GeneratedAt = summary.GeneratedAt,
                ContentJson = JsonSerializer.Serialize(summary, SummaryJson.Options),
            },
            "automation (summaries)",
            new { }));
}
