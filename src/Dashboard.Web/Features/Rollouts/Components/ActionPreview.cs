using System.Globalization;
using Dashboard.Core.Rollouts;
using Dashboard.Web.Shared.Components;

namespace Dashboard.Web.Features.Rollouts.Components;

/// <summary>
/// Exactly what an action will change, worked out from the rollout as saved — the lines a
/// confirmation dialog shows before anyone confirms. Mirrors <see cref="Rollout"/>'s commands.
/// </summary>
public static class ActionPreview
{
    /// <param name="rollout">The rollout as saved.</param>
    /// <param name="action">The action to preview.</param>
    /// <param name="percent">The requested canary share for <see cref="RolloutAction.ChangeTraffic"/>; null while none is entered.</param>
    public static IReadOnlyList<ChangeLine> Describe(RolloutView rollout, RolloutAction action, int? percent = null)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        var phase = rollout.Phases[rollout.CurrentPhaseIndex];
        var weight = rollout.RequestedWeightPercent;
        var state = Vocabulary.State(rollout.CurrentState);
        return action switch
        {
            RolloutAction.Start =>
            [
                new("Phase", $"{phase.Name} — not started", $"{phase.Name} — running"),
                Traffic(weight, phase.TrafficPercent),
            ],
            RolloutAction.Advance when rollout.CurrentPhaseIndex == rollout.Phases.Count - 1 =>
            [
                new("Phase", $"{phase.Name} — {state}", $"{phase.Name} — completed"),
                new("Rollout", Vocabulary.State(rollout.Status), "completed"),
                Traffic(weight, weight),
            ],
            RolloutAction.Advance =>
            [
                new("Phase", $"{phase.Name} — {state}", $"{rollout.Phases[rollout.CurrentPhaseIndex + 1].Name} — running"),
                Traffic(weight, rollout.Phases[rollout.CurrentPhaseIndex + 1].TrafficPercent),
            ],
            RolloutAction.Hold => [new("Phase", $"{phase.Name} — {state}", $"{phase.Name} — held"), Traffic(weight, weight)],
            RolloutAction.Resume => [new("Phase", $"{phase.Name} — {state}", $"{phase.Name} — running"), Traffic(weight, weight)],
            RolloutAction.RetryPhase =>
            [
                new("Phase", $"{phase.Name} — {state}", $"{phase.Name} — running"),
                new("Phase clock", phase.StartedAt is { } started ? $"started {Clock(started)}" : "not started", "restarts now; checkpoints count from now"),
                Traffic(weight, weight),
            ],
            RolloutAction.ChangeTraffic => [Traffic(weight, percent)],
            RolloutAction.RollBack =>
            [
                new("Rollout", Vocabulary.State(rollout.Status), "rolled back (ends)"),
                Traffic(weight, 0),
            ],
            RolloutAction.Abort =>
            [
                new("Rollout", Vocabulary.State(rollout.Status), "aborted (ends)"),
                Traffic(weight, 0),
            ],
            _ => [new("Phase", $"{phase.Name} — {state}", ActionLabels.Label(action))],
        };
    }

    private static ChangeLine Traffic(int from, int? to) =>
        new("Canary traffic", Percent(from), to is { } value ? Percent(value) : "—");

    private static string Percent(int percent) =>
        string.Create(CultureInfo.InvariantCulture, $"{percent} % (baseline {100 - percent} %)");

    private static string Clock(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
