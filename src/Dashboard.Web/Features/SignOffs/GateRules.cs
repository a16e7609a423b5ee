using Dashboard.Core.Checklists;
using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Core.SignOffs;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Shared.Components;

namespace Dashboard.Web.Features.SignOffs;

/// <summary>When a gate takes sign-offs and ticks, and how its stored records become Core's <see cref="GateStatus"/>.</summary>
public static class GateRules
{
    private static readonly PhaseState[] AcceptingStates = [PhaseState.Running, PhaseState.AwaitingSignOff, PhaseState.Passed];

    /// <summary>
    /// Null when phase <paramref name="phaseIndex"/> takes sign-offs and checklist ticks now — it is the
    /// rollout's current phase and it runs, awaits sign-off or has passed — otherwise why not.
    /// </summary>
    public static string? WhyNotAccepting(Rollout rollout, int phaseIndex)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        var name = rollout.Plan.Phases[phaseIndex].Name;
        if (phaseIndex != rollout.CurrentPhaseIndex)
        {
            return $"Phase '{name}' is not the rollout's current phase ('{rollout.CurrentPhase.Name}'): only the current phase's gate takes sign-offs and checklist ticks.";
        }

        return AcceptingStates.Contains(rollout.CurrentState)
            ? null
            : $"Phase '{name}' is {Vocabulary.State(rollout.CurrentState)}: its gate takes sign-offs and checklist ticks while it runs, awaits sign-off or has passed.";
    }

    /// <summary>
    /// The status of <paramref name="phase"/>'s gate, in <paramref name="state"/>, after <paramref name="records"/>
    /// (of its current run). An auto-advance phase awaiting sign-off waits for a person: no sign-off opens it.
    /// </summary>
    public static GateStatus Evaluate(PlanPhase phase, PhaseState state, GateRecords records)
    {
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(records);
        if (phase.Gate.Kind == GateKind.AutoAdvance && state == PhaseState.AwaitingSignOff)
        {
            return GateStatus.WaitingForPerson;
        }

        var checklist = phase.Gate.ChecklistTemplateId is { } templateId && BuiltInChecklists.Find(templateId) is { } template
            ? ChecklistState.From(template, records.Ticks.Where(t => t.TemplateId == templateId).Select(ToTick))
            : null;
        return GateStatus.Evaluate(phase.Gate, SignOffsOf(records), checklist);
    }

    public static IEnumerable<SignOff> SignOffsOf(GateRecords records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records.SignOffs.Select(s => new SignOff(Enum.Parse<SignOffRole>(s.Role), Enum.Parse<SignOffDecision>(s.Decision), s.By, s.At, s.Comment));
    }

    private static ChecklistTick ToTick(ChecklistTickRecord tick) => new(tick.ItemId, tick.Ticked, tick.By, tick.At);
}
