using Dashboard.Core.Checklists;
using Dashboard.Core.Plans;

namespace Dashboard.Core.SignOffs;

/// <summary>
/// Whether a sign-off gate is open: every required role's latest word is GO, by as many people as roles when
/// the gate asks for <see cref="PhaseGate.DistinctSigners"/>, and the gate's checklist (if any) is complete. Any
/// NO-GO blocks it, and <see cref="Blockers"/> says who and why.
/// </summary>
/// <param name="IsOpen">True when the phase may advance through this gate.</param>
/// <param name="Roles">Each required role with its latest sign-off (null when that role has not signed).</param>
/// <param name="Blockers">The latest sign-offs that say NO-GO.</param>
/// <param name="Checklist">The gate's checklist, or null when the gate has none.</param>
/// <param name="Summary">One sentence for people.</param>
public sealed record GateStatus(
    bool IsOpen,
    IReadOnlyList<RoleSignOff> Roles,
    IReadOnlyList<SignOff> Blockers,
    ChecklistState? Checklist,
    string Summary)
{
    /// <summary>Required roles that have not signed yet.</summary>
    public IReadOnlyList<SignOffRole> Missing => [.. Roles.Where(role => role.Latest is null).Select(role => role.Role)];

    /// <summary>
    /// An auto-advance gate whose phase waits for a person (its last checkpoint had a WARN): closed, since no
    /// sign-off opens it; a person advances, holds or rolls the phase back.
    /// </summary>
    public static GateStatus WaitingForPerson { get; } = new(
        false, [], [], null, "Waiting for a person: the last checkpoint was not all PASS, so the phase does not advance by itself. An operator decides.");

    /// <summary>
    /// The status of <paramref name="gate"/> after <paramref name="signOffs"/> (any order; sign-offs for
    /// roles the gate does not require are ignored). An auto-advance gate is open: its checkpoints decide
    /// (<see cref="WaitingForPerson"/> once they did not). A sign-off gate whose checklist template is unknown
    /// stays closed: a checklist nobody can tick is never complete.
    /// </summary>
    public static GateStatus Evaluate(PhaseGate gate, IEnumerable<SignOff> signOffs, ChecklistState? checklist)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(signOffs);
        if (gate.Kind == GateKind.AutoAdvance)
        {
            return new(true, [], [], null, gate.AdvanceOnWarn
                ? "The phase advances by itself when every criterion passes or warns at its last checkpoint."
                : "The phase advances by itself when every criterion passes at its last checkpoint; a WARN waits for a person.");
        }

        var latest = signOffs
            .Where(signOff => gate.RequiredRoles.Contains(signOff.Role))
            .GroupBy(signOff => signOff.Role)
            .ToDictionary(group => group.Key, group => group.MaxBy(signOff => signOff.At)!);
        var roles = gate.RequiredRoles.Select(role => new RoleSignOff(role, latest.GetValueOrDefault(role))).ToList();
        var blockers = roles.Select(role => role.Latest).OfType<SignOff>().Where(signOff => signOff.Decision == SignOffDecision.NoGo).ToList();
        var missing = roles.Where(role => role.Latest is null).Select(role => role.Role).ToList();
        var checklistMissing = gate.ChecklistTemplateId is not null && checklist is null;
        var checklistOpen = checklist is { IsComplete: false };
        var doubled = DistinctSigners.Doubled(gate, roles);
        var isOpen = blockers.Count == 0 && missing.Count == 0 && doubled.Count == 0 && !checklistMissing && !checklistOpen;
        return new(isOpen, roles, blockers, checklist, Describe(isOpen, blockers, missing, doubled, checklist, checklistMissing ? gate.ChecklistTemplateId : null));
    }

    private static string Describe(
        bool isOpen,
        List<SignOff> blockers,
        List<SignOffRole> missing,
        IReadOnlyList<KeyValuePair<string, IReadOnlyList<SignOffRole>>> doubled,
        ChecklistState? checklist,
        string? unknownChecklist)
    {
        if (isOpen)
        {
            return "Every required lead said GO" + (checklist is null ? "." : " and the checklist is complete.");
        }

        var parts = new List<string>();
        parts.AddRange(blockers.Select(b => $"NO-GO from {b.By} ({RoleText(b.Role)}): {b.Comment}"));
        if (missing.Count > 0)
        {
            parts.Add("waiting for " + string.Join(", ", missing.Select(RoleText)));
        }

        parts.AddRange(doubled.Select(d => $"{d.Key} signed as {string.Join(" and ", d.Value.Select(RoleText))}, but one person signs one role: another lead must sign"));

        if (unknownChecklist is not null)
        {
            parts.Add($"checklist '{unknownChecklist}' is unknown");
        }
        else if (checklist is { IsComplete: false } open)
        {
            parts.Add($"{open.OpenItems.Count} of {open.Items.Count} checklist items open");
        }

        return "Closed: " + string.Join("; ", parts) + ".";
    }

    /// <summary>"engineering lead" for <see cref="SignOffRole.EngineeringLead"/>.</summary>
    public static string RoleText(SignOffRole role) => role switch
    {
        SignOffRole.EngineeringLead => "engineering lead",
        SignOffRole.OperationsLead => "operations lead",
        SignOffRole.ProductLead => "product lead",
        SignOffRole.FinanceLead => "finance lead",
        _ => role.ToString(),
    };
}

/// <summary>A required role and its latest sign-off, null when it has not signed.</summary>
public sealed record RoleSignOff(SignOffRole Role, SignOff? Latest);
