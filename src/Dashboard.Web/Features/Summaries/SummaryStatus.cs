using Dashboard.Core.Evaluation;

namespace Dashboard.Web.Features.Summaries;

/// <summary>Where things stood at the milestone, and the verdict in one plain sentence.</summary>
/// <param name="Rollout">The rollout's state in words ("running", "rolled back").</param>
/// <param name="Phase">The phase's state in words ("awaiting sign-off").</param>
/// <param name="Outlook">The verdict in one word, for colour and sorting.</param>
/// <param name="Overall">The worst verdict of the criteria that gate; NO DATA when none could be judged.</param>
/// <param name="Verdict">E.g. "On track: every criterion passed over the first 8h of soak."</param>
public sealed record SummaryStatus(string Rollout, string Phase, SummaryOutlook Outlook, Verdict Overall, string Verdict);
