using System.Globalization;
using System.Text;
using Dashboard.Web.Shared.Components;

namespace Dashboard.Web.Features.Summaries;

/// <summary>An executive summary as Markdown, for mail and chat: the same sections and words as its page.</summary>
public static class SummaryMarkdown
{
    public const string ContentType = "text/markdown";

    public static string Write(ExecutiveSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var md = new StringBuilder();
        Line(md, $"# {summary.Service} {summary.CandidateVersion}: {summary.Title}");
        Line(md);
        Line(md, $"**{summary.Status.Verdict}**");
        Line(md);
        Line(md, $"- Rollout: {summary.BaselineVersion} → {summary.CandidateVersion}, plan {summary.PlanName}, {summary.Status.Rollout}");
        Line(md, $"- Phase: {summary.PhaseName} at {summary.PhaseTrafficPercent} %, {summary.Status.Phase}");
        Line(md, $"- Period: {SummaryText.Time(summary.PeriodStart)} → {SummaryText.Time(summary.PeriodEnd)} ({SummaryText.Duration(summary.PlannedElapsed)} of plan time)");
        Line(md, $"- Written: {SummaryText.Time(summary.GeneratedAt)}{(summary.LateBy is { } late ? $", {SummaryText.Duration(late)} late" : string.Empty)}");
        if (summary.TimeScale > 1)
        {
            Line(md, string.Create(CultureInfo.InvariantCulture, $"- Time scale: ×{summary.TimeScale:0.##} (a demo or test: plan times run faster)"));
        }

        Section(md, "Criteria");
        Line(md, "| Metric | Threshold | Value | Verdict |");
        Line(md, "|---|---|---|---|");
        foreach (var criterion in summary.Criteria)
        {
            Line(md, $"| {Cell(criterion.Metric)} | {Cell(criterion.Threshold)} | {Cell(ValueText(criterion))} | {VerdictText(criterion)} |");
        }

        Section(md, "Revenue impact");
        Line(md, RevenueText(summary.Revenue));

        Section(md, "Incidents");
        Rows(md, summary.Incidents, "No incidents.", i =>
            $"- {i.Severity}: {i.Title} (owner {i.Owner}), opened {SummaryText.Time(i.OpenedAt)}, {(i.OpenAtEnd ? "still open" : $"resolved {SummaryText.Time(i.ResolvedAt!.Value)}")}");

        Section(md, "Decisions");
        Rows(md, summary.Decisions, "No decisions.", d => $"- {SummaryText.Time(d.At)} · {d.Kind} · {d.By}: {d.Text}");

        Section(md, "Traffic");
        Rows(md, summary.Traffic, "No traffic changes.", t =>
            $"- {SummaryText.Time(t.RequestedAt)}: {t.FromPercent} % → {t.ToPercent} %, {t.Fate}, by {t.By} ({t.Reason}){(t.FailureMessage is { } why ? $": {why}" : string.Empty)}");

        Section(md, "What happens next");
        Rows(md, summary.Next, "Nothing is planned.", step => $"- {step}");
        return md.ToString();
    }

    /// <summary>The value, with why it is missing when it is.</summary>
    public static string ValueText(SummaryCriterion criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return criterion.NoDataReason is { } why ? $"{criterion.Value} ({why})" : criterion.Value;
    }

    /// <summary>"PASS", "NO DATA" …; "dry run: PASS" for a criterion that never gates; "not judged" without a verdict.</summary>
    public static string VerdictText(SummaryCriterion criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        var label = criterion.Verdict is null ? "not judged" : VerdictPresentation.Label(criterion.Verdict);
        return criterion.Judged || criterion.Verdict is null ? label : $"dry run: {label}";
    }

    public static string RevenueText(SummaryCriterion revenue)
    {
        ArgumentNullException.ThrowIfNull(revenue);
        var value = $"Canary against baseline: {ValueText(revenue)}";
        return revenue.Verdict is null
            ? $"{value}. The plan does not judge it."
            : $"{value}, threshold {revenue.Threshold}: {VerdictText(revenue)}.";
    }

    private static void Rows<T>(StringBuilder md, IReadOnlyList<T> rows, string none, Func<T, string> line)
    {
        if (rows.Count == 0)
        {
            Line(md, none);
        }

        foreach (var row in rows)
        {
            Line(md, line(row));
        }
    }

    private static void Section(StringBuilder md, string title)
    {
        Line(md);
        Line(md, $"## {title}");
        Line(md);
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');
}
