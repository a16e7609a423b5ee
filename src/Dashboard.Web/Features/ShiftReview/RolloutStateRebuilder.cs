using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Shared.Components;

namespace Dashboard.Web.Features.ShiftReview;

/// <summary>
/// Rebuilds each rollout's state at a moment from the audit log: its latest event that sets the phase state and
/// its latest event that sets the weight before that moment — two bounded queries, one row per rollout each.
/// </summary>
public sealed class RolloutStateRebuilder(AuditWindowQuery audit)
{
    private static readonly Dictionary<string, (PhaseState State, string PhaseField)> StateKinds = new(StringComparer.Ordinal)
    {
        ["rollout.created"] = (PhaseState.Pending, ""),
        ["rollout.started"] = (PhaseState.Running, "phaseName"),
        ["phase.advanced"] = (PhaseState.Running, "toPhaseName"),
        ["phase.passed"] = (PhaseState.Passed, "phaseName"),
        ["phase.held"] = (PhaseState.Held, "phaseName"),
        ["phase.resumed"] = (PhaseState.Running, "phaseName"),
        ["phase.retried"] = (PhaseState.Running, "phaseName"),
        ["phase.signOffRequested"] = (PhaseState.AwaitingSignOff, "phaseName"),
        ["rollout.completed"] = (PhaseState.Completed, "phaseName"),
        ["rollout.aborted"] = (PhaseState.Aborted, "phaseName"),
        ["rollout.rolledBack"] = (PhaseState.RolledBack, "phaseName"),
    };

    private static readonly Dictionary<string, string?> WeightKinds = new(StringComparer.Ordinal)
    {
        ["rollout.created"] = null,
        ["rollout.started"] = "trafficPercent",
        ["phase.advanced"] = "trafficPercent",
        ["traffic.changeRequested"] = "toPercent",
        ["rollout.rolledBack"] = null,
        ["rollout.aborted"] = null,
    };

    /// <summary>Each rollout that existed before <paramref name="at"/> with its state then.</summary>
    public async Task<IReadOnlyDictionary<Guid, RolloutStateAt>> AtAsync(DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var states = await audit.LatestPerRolloutAsync(at, StateKinds.Keys, cancellationToken);
        var weights = (await audit.LatestPerRolloutAsync(at, WeightKinds.Keys, cancellationToken)).ToDictionary(e => e.RolloutId!.Value);
        return states.ToDictionary(e => e.RolloutId!.Value, e => Rebuild(e, weights.GetValueOrDefault(e.RolloutId!.Value)));
    }

    private static RolloutStateAt Rebuild(AuditEventRecord stateEvent, AuditEventRecord? weightEvent)
    {
        var (state, phaseField) = StateKinds[stateEvent.Kind];
        var phase = phaseField.Length == 0 ? null : new AuditPayload(stateEvent.PayloadJson).Text(phaseField);
        var weight = weightEvent is null || WeightKinds[weightEvent.Kind] is not { } field ? 0 : new AuditPayload(weightEvent.PayloadJson).Int(field) ?? 0;
        return new RolloutStateAt(phase, state == PhaseState.Pending ? Vocabulary.State(RolloutStatus.NotStarted) : Vocabulary.State(state), weight, stateEvent.At)
        {
            IsFinished = state is PhaseState.Completed or PhaseState.Aborted or PhaseState.RolledBack,
        };
    }
}
