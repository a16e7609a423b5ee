using Dashboard.Core.Evaluation;
using Dashboard.Core.Incidents;

namespace Dashboard.Web.Features.ShiftReview;

/// <summary>What a window held, in numbers (docs/shift-review.md, "Summary").</summary>
/// <param name="From">The window's start, included.</param>
/// <param name="To">The window's end, excluded.</param>
/// <param name="Rollouts">Each rollout active at the start or touched inside the window, at its start and end.</param>
/// <param name="TrafficChanges">Traffic changes requested.</param>
/// <param name="TrafficChangesFailed">Of those settled in the window, how many the router did not confirm.</param>
/// <param name="VerdictsByOutcome">Checkpoint verdicts (re-evaluations included) by outcome.</param>
/// <param name="IncidentsBySeverity">Incidents opened, by severity.</param>
/// <param name="GuardrailActions">Guardrail rollbacks, traffic reductions and contingencies.</param>
/// <param name="NearMisses">WARN verdicts, streaks that did not act and blind periods.</param>
/// <param name="WorstMoment">The gravest entry of the window; null when nothing went wrong.</param>
public sealed record ShiftSummary(
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<RolloutShiftState> Rollouts,
    int TrafficChanges,
    int TrafficChangesFailed,
    IReadOnlyDictionary<Verdict, int> VerdictsByOutcome,
    IReadOnlyDictionary<IncidentSeverity, int> IncidentsBySeverity,
    int GuardrailActions,
    int NearMisses,
    TimelineEntry? WorstMoment);
