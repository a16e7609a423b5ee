namespace Dashboard.Web.Features.Summaries;

/// <summary>
/// One executive summary, exactly as generated at its milestone and stored (docs/summaries.md). Everything is
/// in people's words (metric labels, states, verdicts) so the page, the Markdown and the JSON say the same. It covers
/// [<c>PeriodStart</c> (the phase run's start), <c>PeriodEnd</c>); <c>PlannedElapsed</c> is that period in plan time
/// (the same as real time at <c>Rollout:TimeScale</c> 1); <c>LateBy</c> is how much later than its milestone it was
/// written (after downtime), null when on time.
/// </summary>
public sealed record ExecutiveSummary(
    Guid Id,
    Guid RolloutId,
    string Service,
    string BaselineVersion,
    string CandidateVersion,
    string PlanName,
    int PhaseIndex,
    string PhaseName,
    int PhaseTrafficPercent,
    string Milestone,
    string Title,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    TimeSpan PlannedElapsed,
    double TimeScale,
    DateTimeOffset GeneratedAt,
    TimeSpan? LateBy,
    SummaryStatus Status,
    IReadOnlyList<SummaryCriterion> Criteria,
    SummaryCriterion Revenue,
    IReadOnlyList<SummaryIncident> Incidents,
    IReadOnlyList<SummaryDecision> Decisions,
    IReadOnlyList<SummaryTrafficChange> Traffic,
    IReadOnlyList<string> Next);
