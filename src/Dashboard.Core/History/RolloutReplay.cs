using Dashboard.Core.Audit;
using Dashboard.Core.Checklists;
using Dashboard.Core.Incidents;
using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Core.SignOffs;

namespace Dashboard.Core.History;

/// <summary>
/// One rollout's audit events applied in sequence order: the same transitions <see cref="Rollout"/> makes,
/// read back from what it wrote (docs/board-history.md, "What is rebuilt").
/// </summary>
internal sealed class RolloutReplay(Guid rolloutId, RolloutPlan plan, string service, string candidateVersion, DateTimeOffset createdAt)
{
    private readonly Dictionary<Guid, OpenIncidentAt> _openIncidents = [];
    private readonly List<(int Phase, SignOff SignOff)> _signOffs = [];
    private readonly List<(int Phase, string TemplateId, ChecklistTick Tick)> _ticks = [];
    private DateTimeOffset? _startedAt;
    private DateTimeOffset? _phaseRunStartedAt;
    private int _phaseIndex;
    private PhaseState _state = PhaseState.Pending;
    private DateTimeOffset _stateSince = createdAt;
    private int _requested;
    private int _applied;

    public void Apply(AuditRecord record)
    {
        AuditPayload.Read(record.PayloadJson, payload =>
        {
            ApplyRolloutEvent(record, payload);
            ApplyRecord(record, payload);
            return true;
        });
    }

    public RolloutStateAt State() => new(
        rolloutId, service, candidateVersion, plan, _startedAt, _phaseIndex, _state, _stateSince, _phaseRunStartedAt, _requested, _applied, Gate(),
        [.. _openIncidents.Values.OrderByDescending(incident => incident.Severity).ThenBy(incident => incident.OpenedAt)]);

    private void ApplyRolloutEvent(AuditRecord record, AuditPayload payload)
    {
        switch (record.Kind)
        {
            case "rollout.started":
                _startedAt = record.At;
                EnterPhase(0, record.At);
                break;
            case "phase.advanced" when payload.Int("toPhaseIndex") is { } next && next >= 0 && next < plan.Phases.Count:
                EnterPhase(next, record.At);
                break;
            case "phase.held":
                SetState(PhaseState.Held, record.At);
                break;
            case "phase.resumed":
                SetState(PhaseState.Running, record.At);
                break;
            case "phase.retried":
                SetState(PhaseState.Running, record.At);
                _phaseRunStartedAt = record.At;
                break;
            case "phase.signOffRequested":
                SetState(PhaseState.AwaitingSignOff, record.At);
                break;
            case "phase.passed":
                SetState(PhaseState.Passed, record.At);
                break;
            case "rollout.rolledBack":
                SetState(PhaseState.RolledBack, record.At);
                break;
            case "rollout.aborted":
                SetState(PhaseState.Aborted, record.At);
                break;
            case "rollout.completed":
                SetState(PhaseState.Completed, record.At);
                break;
            case "traffic.changeRequested" when payload.Int("toPercent") is { } requested:
                _requested = requested;
                break;
            case "traffic.changeApplied" when (payload.Int("readBackPercent") ?? payload.Int("toPercent")) is { } applied:
                _applied = applied;
                break;
        }
    }

    private void ApplyRecord(AuditRecord record, AuditPayload payload)
    {
        switch (record.Kind)
        {
            case "signOff.recorded" when payload.Int("phaseIndex") is { } phase
                && payload.Enum<SignOffRole>("role") is { } role && payload.Enum<SignOffDecision>("decision") is { } decision:
                _signOffs.Add((phase, new SignOff(role, decision, record.Actor, record.At, payload.Text("comment") ?? string.Empty)));
                break;
            case "checklist.itemTicked" or "checklist.itemUnticked" when payload.Int("phaseIndex") is { } phase
                && payload.Text("templateId") is { } template && payload.Text("itemId") is { } item:
                _ticks.Add((phase, template, new ChecklistTick(item, record.Kind == "checklist.itemTicked", record.Actor, record.At)));
                break;
            case "incident.opened" or "incident.updated" when payload.Id("incidentId") is { } id
                && payload.Enum<IncidentSeverity>("severity") is { } severity:
                var openedAt = _openIncidents.TryGetValue(id, out var known) ? known.OpenedAt : record.At;
                _openIncidents[id] = new OpenIncidentAt(id, severity, payload.Text("title") ?? string.Empty, payload.Flag("dataLoss") ?? false, openedAt);
                break;
            case "incident.resolved" when payload.Id("incidentId") is { } id:
                _openIncidents.Remove(id);
                break;
        }
    }

    private void EnterPhase(int index, DateTimeOffset at)
    {
        _phaseIndex = index;
        SetState(PhaseState.Running, at);
        _phaseRunStartedAt = at;
    }

    // Every event that sets the state starts a new "since", even one that leaves it as it was (a phase advanced into is running again).
    private void SetState(PhaseState state, DateTimeOffset at)
    {
        _state = state;
        _stateSince = at;
    }

    // Only the words of the phase's current run count, as on the live gate (GateRecordStore.ListAsync).
    private GateStatus Gate()
    {
        var gate = plan.Phases[_phaseIndex].Gate;
        if (gate.Kind == GateKind.AutoAdvance)
        {
            return _state == PhaseState.AwaitingSignOff ? GateStatus.WaitingForPerson : GateStatus.Evaluate(gate, [], null);
        }

        var since = _phaseRunStartedAt ?? DateTimeOffset.MaxValue;
        var signOffs = _signOffs.Where(s => s.Phase == _phaseIndex && s.SignOff.At >= since).Select(s => s.SignOff);
        var checklist = gate.ChecklistTemplateId is { } templateId && BuiltInChecklists.Find(templateId) is { } template
            ? ChecklistState.From(template, _ticks.Where(t => t.Phase == _phaseIndex && t.TemplateId == templateId && t.Tick.At >= since).Select(t => t.Tick))
            : null;
        return GateStatus.Evaluate(gate, signOffs, checklist);
    }
}
