using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared.Components;

namespace Dashboard.Web.Features.Summaries;

/// <summary>
/// What happens next after a milestone, from the rollout as it is then: the next checkpoint and the phase's end
/// while it runs, the gate it waits at, the phase that runs now, or that nothing more happens.
/// </summary>
public static class SummaryNextSteps
{
    public static IReadOnlyList<string> Write(Rollout rollout, int phaseIndex, DateTimeOffset periodEnd, RolloutClockOptions clock)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(clock);
        switch (rollout.Status)
        {
            case RolloutStatus.RolledBack:
                return ["Nothing more: the rollout was rolled back and the candidate is out of traffic."];
            case RolloutStatus.Aborted:
                return ["Nothing more: the rollout was aborted and the candidate is out of traffic."];
            case RolloutStatus.Completed:
                return [$"Nothing more: the rollout is complete at {rollout.CanaryWeightPercent} %."];
        }

        var steps = new List<string>();
        var index = rollout.CurrentPhaseIndex;
        var phase = rollout.CurrentPhase;
        var progress = rollout.CurrentProgress;
        if (index != phaseIndex)
        {
            steps.Add($"Now running: {phase.Name} at {phase.TrafficPercent} % of traffic.");
        }

        switch (progress.State)
        {
            case PhaseState.Running when progress.StartedAt is { } started:
                var elapsed = (periodEnd - started) * clock.TimeScale;
                if (phase.NextCheckpointAfter(elapsed) is { } next)
                {
                    steps.Add($"Next checkpoint: {PlanDuration.Format(next)} into {phase.Name}, due {SummaryText.Time(started + clock.Scale(next))}.");
                }

                steps.Add($"{Vocabulary.Capitalize(phase.Name)} ends {SummaryText.Time(started + clock.Scale(phase.Duration))}; then {Gate(phase.Gate)}.");
                break;
            case PhaseState.AwaitingSignOff:
                steps.Add(phase.Gate.Kind == GateKind.SignOff
                    ? $"Waiting for sign-off by {Roles(phase.Gate)}."
                    : "Waiting for a person to advance, hold or roll back.");
                break;
            case PhaseState.Held:
                steps.Add($"{Vocabulary.Capitalize(phase.Name)} is held: a person resumes, retries, rolls back or aborts it.");
                break;
            case PhaseState.Passed:
                steps.Add($"{Vocabulary.Capitalize(phase.Name)} passed its gate and is ready to advance.");
                break;
        }

        steps.Add(index + 1 < rollout.Plan.Phases.Count
            ? $"After {phase.Name}: {rollout.Plan.Phases[index + 1].Name} at {rollout.Plan.Phases[index + 1].TrafficPercent} % of traffic."
            : $"{Vocabulary.Capitalize(phase.Name)} is the last phase: after it the rollout is complete.");
        return steps;
    }

    private static string Gate(PhaseGate gate) => gate.Kind == GateKind.SignOff
        ? $"sign-off by {Roles(gate)}"
        : "it advances on its own when its checkpoints passed";

    private static string Roles(PhaseGate gate) => string.Join(", ", gate.RequiredRoles.Select(Vocabulary.Role));
}
