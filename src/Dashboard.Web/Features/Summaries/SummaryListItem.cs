namespace Dashboard.Web.Features.Summaries;

/// <summary>One summary in a rollout's list: enough to pick it.</summary>
public sealed record SummaryListItem(Guid Id, string Title, string Milestone, int PhaseIndex, DateTimeOffset PeriodEnd, DateTimeOffset GeneratedAt, SummaryOutlook Outlook, string Verdict)
{
    public static SummaryListItem From(ExecutiveSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(summary.Id, summary.Title, summary.Milestone, summary.PhaseIndex, summary.PeriodEnd, summary.GeneratedAt, summary.Status.Outlook, summary.Status.Verdict);
    }
}
