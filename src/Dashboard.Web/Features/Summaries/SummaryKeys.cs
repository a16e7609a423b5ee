using System.Globalization;
using Quartz;

namespace Dashboard.Web.Features.Summaries;

/// <summary>
/// Names of the Quartz jobs of executive summaries: one group per rollout, one job per milestone of a phase run
/// and due time — a phase that ends early gets a new end job at that moment, and the planned one goes stale.
/// </summary>
public static class SummaryKeys
{
    public const string RolloutId = "rolloutId";
    public const string PhaseIndex = "phaseIndex";
    public const string PhaseStartedAt = "phaseStartedAt";
    public const string Milestone = "milestone";

    public static string Group(Guid rolloutId) => $"summaries-{rolloutId:N}";

    public static JobKey Job(Guid rolloutId, int phaseIndex, DateTimeOffset phaseStartedAt, SummaryMilestone milestone, DateTimeOffset dueAt) =>
        new(string.Create(
                CultureInfo.InvariantCulture,
                $"p{phaseIndex}-{phaseStartedAt.ToUnixTimeMilliseconds()}-{milestone.Key}-{dueAt.ToUnixTimeMilliseconds()}"),
            Group(rolloutId));
}
