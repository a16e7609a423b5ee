namespace Dashboard.Core.Plans;

/// <summary>
/// What stands between a phase that met its criteria and the next phase: nothing
/// (<see cref="GateKind.AutoAdvance"/>) or a GO from every role in <see cref="RequiredRoles"/>,
/// optionally guided by the checklist template <see cref="ChecklistTemplateId"/>.
/// </summary>
public sealed record PhaseGate(GateKind Kind, IReadOnlyList<SignOffRole> RequiredRoles, string? ChecklistTemplateId = null)
{
    public static PhaseGate AutoAdvance { get; } = new(GateKind.AutoAdvance, []);

    /// <summary>
    /// An auto-advance gate only (plan JSON <c>advanceOnWarn</c>, default false): a WARN at the phase's last
    /// checkpoint counts as a pass, so the phase advances by itself. Without it a WARN waits for a person
    /// ("auto-advance if ALL pass"); FAIL and NO_DATA never advance (docs/checkpoints.md).
    /// </summary>
    public bool AdvanceOnWarn { get; init; }

    /// <summary>
    /// A sign-off gate only (plan JSON <c>distinctSigners</c>, default true): one person signs one role, so a
    /// person who holds several lead roles cannot open the gate alone (docs/sign-offs.md). False lets one
    /// person sign for every role they hold.
    /// </summary>
    public bool DistinctSigners { get; init; } = true;

    public static PhaseGate SignOff(params SignOffRole[] roles) => new(GateKind.SignOff, roles);

    public PhaseGate WithChecklist(string checklistTemplateId) => this with { ChecklistTemplateId = checklistTemplateId };
}
