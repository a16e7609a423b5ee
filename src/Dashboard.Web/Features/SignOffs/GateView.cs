using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Core.SignOffs;
using Dashboard.Web.Shared.Components;

namespace Dashboard.Web.Features.SignOffs;

/// <summary>
/// The gate of one phase as the API and pages show it, counting only the sign-offs and ticks of the
/// phase's current run (from <see cref="RunStartedAt"/>; a retry starts a new run).
/// </summary>
/// <param name="RolloutId">The rollout.</param>
/// <param name="PhaseIndex">The phase, 0-based.</param>
/// <param name="PhaseName">The phase's name in the plan.</param>
/// <param name="PhaseState">Where the phase stands, e.g. awaiting sign-off.</param>
/// <param name="IsCurrentPhase">True when the phase is the rollout's current one.</param>
/// <param name="Kind">AutoAdvance or SignOff.</param>
/// <param name="RunStartedAt">The start of the phase's current run; null before it started.</param>
/// <param name="AcceptsSignOffs">True when sign-offs and checklist ticks are taken now: the current phase, running, awaiting sign-off or passed.</param>
/// <param name="IsOpen">True when every required role's latest word is GO and the checklist (if any) is complete.</param>
/// <param name="Summary">One sentence for people, e.g. "Closed: NO-GO from bob (operations lead): p99 too high."</param>
/// <param name="Roles">Each required role with its latest sign-off.</param>
/// <param name="Blockers">The latest sign-offs that say NO-GO.</param>
/// <param name="Checklist">The gate's checklist, or null when it has none.</param>
/// <param name="SignOffs">Every sign-off of the run, oldest first (changes of mind included).</param>
public sealed record GateView(
    Guid RolloutId,
    int PhaseIndex,
    string PhaseName,
    PhaseState PhaseState,
    bool IsCurrentPhase,
    string Kind,
    DateTimeOffset? RunStartedAt,
    bool AcceptsSignOffs,
    bool IsOpen,
    string Summary,
    IReadOnlyList<GateRoleView> Roles,
    IReadOnlyList<SignOffView> Blockers,
    GateChecklistView? Checklist,
    IReadOnlyList<SignOffView> SignOffs)
{
    public static GateView From(Rollout rollout, int phaseIndex, GateStatus status, IEnumerable<SignOff> signOffs)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(signOffs);
        var phase = rollout.Plan.Phases[phaseIndex];
        var progress = rollout.Phases[phaseIndex];
        return new(
            rollout.Id,
            phaseIndex,
            phase.Name,
            progress.State,
            phaseIndex == rollout.CurrentPhaseIndex,
            phase.Gate.Kind.ToString(),
            progress.StartedAt,
            phase.Gate.Kind == GateKind.SignOff && GateRules.WhyNotAccepting(rollout, phaseIndex) is null,
            status.IsOpen,
            status.Summary,
            [.. status.Roles.Select(r => new GateRoleView(r.Role.ToString(), Vocabulary.Role(r.Role), r.Latest is { } latest ? SignOffView.From(latest) : null))],
            [.. status.Blockers.Select(SignOffView.From)],
            ChecklistOf(phase.Gate, status),
            [.. signOffs.OrderBy(s => s.At).Select(SignOffView.From)]);
    }

    private static GateChecklistView? ChecklistOf(PhaseGate gate, GateStatus status)
    {
        if (gate.ChecklistTemplateId is not { } templateId)
        {
            return null;
        }

        if (status.Checklist is not { } checklist)
        {
            return new(templateId, templateId, false, []);
        }

        return new(
            templateId,
            checklist.Template.Name,
            checklist.IsComplete,
            [.. checklist.Items.Select(i => new ChecklistItemView(i.Item.Id, i.Item.Text, i.IsTicked, i.Latest?.By, i.Latest?.At))]);
    }
}
