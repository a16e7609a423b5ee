using Dashboard.Core.Plans;

namespace Dashboard.Core.SignOffs;

/// <summary>
/// The rule of <see cref="PhaseGate.DistinctSigners"/>: one person signs one role per gate, so a person who holds
/// several lead roles cannot open a gate alone (docs/sign-offs.md). People are told apart by the name the
/// sign-off records, compared exactly.
/// </summary>
public static class DistinctSigners
{
    /// <summary>
    /// Null when <paramref name="by"/> may sign for <paramref name="role"/> at <paramref name="gate"/> after
    /// <paramref name="signOffs"/> (of the gate's current run); otherwise why not: they already signed this gate
    /// for another role. A change of mind for the same role is always allowed.
    /// </summary>
    public static string? WhyRefused(PhaseGate gate, IEnumerable<SignOff> signOffs, SignOffRole role, string by)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(signOffs);
        ArgumentNullException.ThrowIfNull(by);
        if (!gate.DistinctSigners)
        {
            return null;
        }

        var earlier = signOffs
            .Where(s => s.Role != role && gate.RequiredRoles.Contains(s.Role) && string.Equals(s.By, by, StringComparison.Ordinal))
            .Select(s => s.Role)
            .Distinct()
            .ToList();
        return earlier.Count == 0
            ? null
            : $"{by} already signed this gate as {string.Join(" and ", earlier.Select(GateStatus.RoleText))}: one person signs one role per gate, "
                + $"so the {GateStatus.RoleText(role)} must be someone else.";
    }

    /// <summary>
    /// Each person who is the latest signer of more than one required role, with those roles (none when the gate
    /// allows it). Sign-offs refused by <see cref="WhyRefused"/> are never stored; this catches the ones stored
    /// before the rule, so such a gate stays closed until another lead signs for one of the roles.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, IReadOnlyList<SignOffRole>>> Doubled(PhaseGate gate, IEnumerable<RoleSignOff> roles)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(roles);
        return gate.DistinctSigners
            ? [.. roles
                .Where(r => r.Latest is not null)
                .GroupBy(r => r.Latest!.By, StringComparer.Ordinal)
                .Where(group => group.Count() > 1)
                .Select(group => KeyValuePair.Create(group.Key, (IReadOnlyList<SignOffRole>)[.. group.Select(r => r.Role)]))]
            : [];
    }
}
