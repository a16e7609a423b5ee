using System.Globalization;
using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Web.Shared.Components;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Rollouts.Components;

/// <summary>
/// The phase's clock — its next checkpoint, its gate, time in phase — and the last traffic change with its
/// fate. The weights themselves are on the state card above it.
/// </summary>
public sealed partial class TrafficPanel
{
    [Parameter, EditorRequired]
    public required RolloutView Rollout { get; set; }

    /// <summary>The current phase as planned: checkpoints, gate, expected population.</summary>
    [Parameter, EditorRequired]
    public required PlanPhase PlanPhase { get; set; }

    [Parameter, EditorRequired]
    public DateTimeOffset Now { get; set; }

    [Parameter]
    public string RouterName { get; set; } = "the router";

    /// <summary><c>Rollout:TimeScale</c>: planned time runs this many times faster than the clock.</summary>
    [Parameter]
    public double TimeScale { get; set; } = 1;

    private PhaseView Progress => Rollout.Phases[Rollout.CurrentPhaseIndex];

    /// <summary>Planned time since the phase started (real time × <see cref="TimeScale"/>).</summary>
    private TimeSpan? Elapsed => Progress.StartedAt is { } started ? ((Progress.EndedAt ?? Now) - started) * TimeScale : null;

    /// <summary>Real time for a planned span.</summary>
    private TimeSpan Real(TimeSpan planned) => planned / TimeScale;

    private string TimeInPhase => (Elapsed, Progress.HeldAt) switch
    {
        (null, _) => "not started",
        ({ } elapsed, { } heldAt) => $"{AgeText.Format(Real(elapsed))} (held for {AgeText.Format(Now - heldAt)})",
        ({ } elapsed, null) when TimeScale > 1 => $"{AgeText.Format(Real(elapsed))} of {AgeText.Format(Real(PlanPhase.Duration))} (planned {PlanDuration.Format(PlanPhase.Duration)})",
        ({ } elapsed, null) => $"{AgeText.Format(elapsed)} of {PlanDuration.Format(PlanPhase.Duration)}",
    };

    private string NextCheckpoint
    {
        get
        {
            if (Progress.State != PhaseState.Running || Elapsed is not { } elapsed)
            {
                return $"none while the phase is {Vocabulary.State(Progress.State)}";
            }

            if (PlanPhase.NextCheckpointAfter(elapsed) is { } next)
            {
                return $"{PlanDuration.Format(next)} checkpoint in {AgeText.Format(Real(next - elapsed))}";
            }

            return elapsed < PlanPhase.Duration
                ? $"none left; the phase window ends in {AgeText.Format(Real(PlanPhase.Duration - elapsed))}"
                : "none left; the phase window is over";
        }
    }

    private string GateText => PlanPhase.Gate.Kind == GateKind.SignOff
        ? $"sign-off by {string.Join(", ", PlanPhase.Gate.RequiredRoles.Select(Vocabulary.Role))}"
        : PlanPhase.Gate.AdvanceOnWarn
            ? "advances by itself when every criterion passes or warns at the last checkpoint"
            : "advances by itself when every criterion passes at the last checkpoint; a WARN waits for a person";

    private static string StatusText(TrafficChangeView change) => change.Status switch
    {
        TrafficChangeStatus.Applied when change.SettledAt is { } at =>
            $"confirmed by the router at {at.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC",
        TrafficChangeStatus.Requested => "waiting for the router to confirm",
        TrafficChangeStatus.Failed => "FAILED",
        _ => Vocabulary.State(change.Status),
    };
}
