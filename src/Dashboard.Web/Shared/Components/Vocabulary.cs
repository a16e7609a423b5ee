using System.Globalization;
using System.Text;
using Dashboard.Core.Guardrails;
using Dashboard.Core.Guardrails.Sequential;
using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;

namespace Dashboard.Web.Shared.Components;

/// <summary>
/// The one set of words every page uses for rollout and phase states, traffic changes, sign-off roles,
/// guardrail actions and audit events (docs/rollouts-ui.md, "Words"). Verdicts are named by
/// <see cref="VerdictPresentation"/>; app roles and actor kinds by <c>Features/Access/WarRoomRoles</c>, because
/// Shared must not depend on a feature. A page never prints an enum member's name.
/// </summary>
public static class Vocabulary
{
    /// <summary>A rollout's state, e.g. "running", "rolled back". The same word as the phase state it stands for.</summary>
    public static string State(RolloutStatus status) => status switch
    {
        RolloutStatus.NotStarted => "not started",
        RolloutStatus.InProgress => "running",
        RolloutStatus.Held => "held",
        RolloutStatus.Completed => "completed",
        RolloutStatus.RolledBack => "rolled back",
        RolloutStatus.Aborted => "aborted",
        _ => Words(status.ToString()),
    };

    /// <summary>A phase's state, e.g. "awaiting sign-off".</summary>
    public static string State(PhaseState state) => state switch
    {
        PhaseState.Pending => "pending",
        PhaseState.Running => "running",
        PhaseState.AwaitingSignOff => "awaiting sign-off",
        PhaseState.Passed => "passed",
        PhaseState.Held => "held",
        PhaseState.RolledBack => "rolled back",
        PhaseState.Aborted => "aborted",
        PhaseState.Completed => "completed",
        _ => Words(state.ToString()),
    };

    /// <summary>What a guardrail's sequential test can say so far: "healthy", "regressing", "not enough evidence yet" (docs/guardrails.md, "Evidence meter").</summary>
    public static string State(SequentialState state) => state switch
    {
        SequentialState.NotEnoughEvidence => "not enough evidence yet",
        SequentialState.Healthy => "healthy",
        SequentialState.Regressing => "regressing",
        _ => Words(state.ToString()),
    };

    /// <summary>A traffic change's fate: "requested", "confirmed", "failed".</summary>
    public static string State(TrafficChangeStatus status) => status switch
    {
        TrafficChangeStatus.Requested => "requested",
        TrafficChangeStatus.Applied => "confirmed",
        TrafficChangeStatus.Failed => "failed",
        _ => Words(status.ToString()),
    };

    /// <summary>Where a traffic change came from: "rollout page", "REST API", "automation", "reconciliation".</summary>
    public static string Source(TrafficChangeSource source) => source switch
    {
        TrafficChangeSource.Ui => "rollout page",
        TrafficChangeSource.Api => "REST API",
        TrafficChangeSource.Automation => "automation",
        TrafficChangeSource.Reconcile => "reconciliation",
        _ => Words(source.ToString()),
    };

    /// <summary>A sign-off role: "Engineering lead" (the same words as the app role of that name).</summary>
    public static string Role(SignOffRole role) => role switch
    {
        SignOffRole.EngineeringLead => "Engineering lead",
        SignOffRole.OperationsLead => "Operations lead",
        SignOffRole.ProductLead => "Product lead",
        SignOffRole.FinanceLead => "Finance lead",
        _ => Capitalize(Words(role.ToString())),
    };

    /// <summary>What a guardrail does when its rule holds: "roll back", "reduce traffic", "monitor closely", "log".</summary>
    public static string Action(GuardrailDecisionKind kind) => kind switch
    {
        GuardrailDecisionKind.RollBack => "roll back",
        GuardrailDecisionKind.ReduceTraffic => "reduce traffic",
        GuardrailDecisionKind.MonitorClosely => "monitor closely",
        GuardrailDecisionKind.Log => "log",
        _ => Words(kind.ToString()),
    };

    /// <summary>What a contingency rule does: "reduce traffic", "monitor closely", "log".</summary>
    public static string Action(ContingencyActionKind kind) => kind switch
    {
        ContingencyActionKind.ReduceTraffic => "reduce traffic",
        ContingencyActionKind.MonitorClosely => "monitor closely",
        ContingencyActionKind.Log => "log",
        _ => Words(kind.ToString()),
    };

    /// <summary>What a guardrail rule does when it holds, with its amount: "roll back" (no contingency), "reduce traffic to 50 %", "monitor closely for 2h", "log".</summary>
    public static string Action(ContingencyAction? then) => then switch
    {
        null => Action(GuardrailDecisionKind.RollBack),
        { Kind: ContingencyActionKind.ReduceTraffic, TrafficPercent: { } percent } => string.Create(CultureInfo.InvariantCulture, $"{Action(then.Kind)} to {percent} %"),
        { Kind: ContingencyActionKind.MonitorClosely, Duration: { } duration } => $"{Action(then.Kind)} for {PlanDuration.Format(duration)}",
        _ => Action(then.Kind),
    };

    /// <summary>An audit event's kind in words: "rollout.rolledBack" → "Rollout rolled back", "phase.signOffRequested" → "Phase sign-off requested".</summary>
    public static string AuditEvent(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return Capitalize(string.Join(' ', kind.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(Words)));
    }

    /// <summary>A request field's key in words, for a message that cannot show the problem beside its field: "candidateVersion" → "Candidate version", "roles[1]" → "Roles[1]".</summary>
    public static string FieldName(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Capitalize(Words(key));
    }

    /// <summary>"first letter up": "rolled back" → "Rolled back".</summary>
    public static string Capitalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }

    // "signOffRequested" → "sign-off requested": a member added later still reads as words, never as its name.
    private static string Words(string name)
    {
        var words = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString().Replace("sign off", "sign-off", StringComparison.Ordinal);
    }
}
