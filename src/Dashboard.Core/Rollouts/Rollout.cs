using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts.Events;

namespace Dashboard.Core.Rollouts;

/// <summary>
/// A rollout of one service from its baseline to a candidate version along a plan. Pure: every
/// command takes who, why and when, changes the rollout only when allowed, and returns the
/// events to persist and audit. <see cref="CanaryWeightPercent"/> is the weight the rollout
/// wants; applying it is the router's job.
/// </summary>
public sealed partial class Rollout
{
    private readonly PhaseProgress[] phases;

    private Rollout(Guid id, string service, string baselineVersion, string candidateVersion, RolloutPlan plan, string createdBy, DateTimeOffset createdAt, PhaseProgress[] phases)
    {
        Id = id;
        Service = service;
        BaselineVersion = baselineVersion;
        CandidateVersion = candidateVersion;
        Plan = plan;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        this.phases = phases;
    }

    public Guid Id { get; }
    public string Service { get; }
    public string BaselineVersion { get; }
    public string CandidateVersion { get; }

    /// <summary>The plan as it was when the rollout was created.</summary>
    public RolloutPlan Plan { get; }

    public string CreatedBy { get; }
    public DateTimeOffset CreatedAt { get; }
    public string? StartedBy { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public IReadOnlyList<PhaseProgress> Phases => phases;
    public int CurrentPhaseIndex { get; private set; }

    /// <summary>The canary weight the rollout wants the router to apply, 0..100.</summary>
    public int CanaryWeightPercent { get; private set; }

    /// <summary>Accepted commands so far, creation included.</summary>
    public int Version { get; private set; }

    public PlanPhase CurrentPhase => Plan.Phases[CurrentPhaseIndex];
    public PhaseProgress CurrentProgress => phases[CurrentPhaseIndex];
    public PhaseState CurrentState => CurrentProgress.State;

    public RolloutStatus Status => StatusOf(CurrentState, CurrentPhaseIndex == phases.Length - 1);

    /// <summary>What may be asked now.</summary>
    public IReadOnlyList<RolloutAction> AllowedActions => PhaseStateMachine.AllowedActions(CurrentState);

    /// <summary>Time until the current phase's next checkpoint, or null when none is left or the phase is not running.</summary>
    public TimeSpan? TimeToNextCheckpoint(DateTimeOffset now) =>
        CurrentState == PhaseState.Running && CurrentProgress.Elapsed(now) is { } elapsed && CurrentPhase.NextCheckpointAfter(elapsed) is { } next
            ? next - elapsed
            : null;

    public static RolloutCreation Create(
        Guid id, string service, string baselineVersion, string candidateVersion, RolloutPlan plan, string createdBy, string reason, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var invalid = id == Guid.Empty ? new InvalidRolloutRequest("id", "an id is required") : null;
        invalid ??= Blank(service, "service") ?? Blank(baselineVersion, "baselineVersion") ?? Blank(candidateVersion, "candidateVersion");
        invalid ??= string.Equals(baselineVersion.Trim(), candidateVersion.Trim(), StringComparison.Ordinal)
            ? new InvalidRolloutRequest("candidateVersion", "the candidate version must differ from the baseline version")
            : null;
        invalid ??= Blank(createdBy, "actor") ?? Blank(reason, "reason");
        if (PlanValidator.Validate(plan) is { Count: > 0 } problems)
        {
            invalid ??= new InvalidRolloutRequest("plan", string.Join("; ", problems));
        }

        if (invalid is not null)
        {
            return RolloutCreation.Rejected(invalid);
        }

        var progress = plan.Phases.Select((phase, index) => new PhaseProgress(index, phase.Name, PhaseState.Pending)).ToArray();
        var rollout = new Rollout(id, service.Trim(), baselineVersion.Trim(), candidateVersion.Trim(), plan, createdBy.Trim(), at, progress) { Version = 1 };
        return RolloutCreation.Created(
            rollout,
            new RolloutCreated(id, 0, at, rollout.CreatedBy, reason.Trim(), rollout.Service, rollout.BaselineVersion, rollout.CandidateVersion, plan.Id, plan.Name));
    }

    /// <summary>Starts the first phase and asks for its weight.</summary>
    public RolloutResult Start(string actor, string reason, DateTimeOffset at) =>
        Execute(RolloutAction.Start, actor, reason, at, (by, why) =>
        {
            StartedBy = by;
            StartedAt = at;
            SetPhase(0, PhaseState.Running, at);
            return
            [
                new RolloutStarted(Id, 0, at, by, why, CurrentPhase.Name, CurrentPhase.TrafficPercent),
                .. MoveWeight(CurrentPhase.TrafficPercent, by, why, at),
            ];
        });

    /// <summary>Completes the current phase and starts the next at its planned weight; after the last phase the rollout is complete.</summary>
    public RolloutResult Advance(string actor, string reason, DateTimeOffset at) =>
        Execute(RolloutAction.Advance, actor, reason, at, (by, why) =>
        {
            var from = CurrentPhaseIndex;
            SetPhase(from, PhaseState.Completed, at);
            if (from == phases.Length - 1)
            {
                return [new RolloutCompleted(Id, from, at, by, why, CurrentPhase.Name)];
            }

            CurrentPhaseIndex = from + 1;
            SetPhase(CurrentPhaseIndex, PhaseState.Running, at);
            return
            [
                new PhaseAdvanced(Id, from, at, by, why, Plan.Phases[from].Name, CurrentPhaseIndex, CurrentPhase.Name, CurrentPhase.TrafficPercent),
                .. MoveWeight(CurrentPhase.TrafficPercent, by, why, at),
            ];
        });

    public RolloutResult Hold(string actor, string reason, DateTimeOffset at)
    {
        var previous = CurrentState;
        return Execute(RolloutAction.Hold, actor, reason, at, (by, why) =>
            [new PhaseHeld(Id, CurrentPhaseIndex, at, by, why, CurrentPhase.Name, previous)]);
    }

    public RolloutResult Resume(string actor, string reason, DateTimeOffset at) =>
        Execute(RolloutAction.Resume, actor, reason, at, (by, why) => [new PhaseResumed(Id, CurrentPhaseIndex, at, by, why, CurrentPhase.Name)]);

    /// <summary>Runs a held phase again from its start: its checkpoints count from <paramref name="at"/>.</summary>
    public RolloutResult RetryPhase(string actor, string reason, DateTimeOffset at) =>
        Execute(RolloutAction.RetryPhase, actor, reason, at, (by, why) =>
        {
            phases[CurrentPhaseIndex] = CurrentProgress with { StartedAt = at };
            return [new PhaseRetried(Id, CurrentPhaseIndex, at, by, why, CurrentPhase.Name)];
        });

    /// <summary>Asks for a new canary weight; only in a running phase, an integer 0..100 (the same weight again re-applies it).</summary>
    public RolloutResult ChangeTraffic(int percent, string actor, string reason, DateTimeOffset at)
    {
        if (PhaseStateMachine.IsAllowed(CurrentState, RolloutAction.ChangeTraffic) && percent is < 0 or > 100)
        {
            return RolloutResult.Rejected(new InvalidRolloutRequest("percent", $"traffic {percent} is outside 0..100"));
        }

        return Execute(RolloutAction.ChangeTraffic, actor, reason, at, (by, why) =>
            [new TrafficChangeRequested(Id, CurrentPhaseIndex, at, by, why, CanaryWeightPercent, percent)]);
    }

    /// <summary>Takes the candidate out of traffic (weight 0) and ends the rollout as rolled back.</summary>
    public RolloutResult RollBack(string actor, string reason, DateTimeOffset at)
    {
        var from = CanaryWeightPercent;
        return Execute(RolloutAction.RollBack, actor, reason, at, (by, why) =>
            [new RolledBack(Id, CurrentPhaseIndex, at, by, why, CurrentPhase.Name, from), .. MoveWeight(0, by, why, at)]);
    }

    /// <summary>Abandons the rollout; the candidate leaves traffic too (weight 0), since nobody steers it any more.</summary>
    public RolloutResult Abort(string actor, string reason, DateTimeOffset at) =>
        Execute(RolloutAction.Abort, actor, reason, at, (by, why) =>
            [new RolloutAborted(Id, CurrentPhaseIndex, at, by, why, CurrentPhase.Name), .. MoveWeight(0, by, why, at)]);

    /// <summary>
    /// The phase's window is over and it waits for people: a sign-off gate asks its leads for GO; an auto-advance
    /// gate (its last checkpoint was not all PASS) waits for a person to advance, hold or roll back, and the event
    /// names no roles.
    /// </summary>
    public RolloutResult RequestSignOff(string actor, string reason, DateTimeOffset at) =>
        Execute(RolloutAction.RequestSignOff, actor, reason, at, (by, why) =>
            [new SignOffRequested(Id, CurrentPhaseIndex, at, by, why, CurrentPhase.Name, CurrentPhase.Gate.RequiredRoles, CurrentPhase.Gate.ChecklistTemplateId)]);

    /// <summary>Every checkpoint passed, or every required role signed off: ready to advance.</summary>
    public RolloutResult MarkPassed(string actor, string reason, DateTimeOffset at) =>
        Execute(RolloutAction.MarkPassed, actor, reason, at, (by, why) => [new PhasePassed(Id, CurrentPhaseIndex, at, by, why, CurrentPhase.Name)]);

    private RolloutResult Execute(RolloutAction action, string actor, string reason, DateTimeOffset at, Func<string, string, List<RolloutEvent>> apply)
    {
        var transition = PhaseStateMachine.Apply(CurrentState, action);
        if (!transition.IsAllowed)
        {
            return RolloutResult.Rejected(new IllegalTransition(CurrentState, action, AllowedActions));
        }

        if ((Blank(actor, "actor") ?? Blank(reason, "reason")) is { } invalid)
        {
            return RolloutResult.Rejected(invalid);
        }

        var by = actor.Trim();
        var why = reason.Trim();
        var state = transition.NewState.Value;
        if (action is not (RolloutAction.Start or RolloutAction.Advance))
        {
            SetPhase(CurrentPhaseIndex, state, at);
        }

        var events = apply(by, why);
        foreach (var change in events.OfType<TrafficChangeRequested>())
        {
            CanaryWeightPercent = change.ToPercent;
        }

        Version++;
        return RolloutResult.Accepted(events);
    }

    private void SetPhase(int index, PhaseState state, DateTimeOffset at)
    {
        var progress = phases[index];
        phases[index] = state switch
        {
            PhaseState.Running when progress.State == PhaseState.Pending => progress with { State = state, StartedAt = at },
            PhaseState.Held => progress with { State = state, HeldAt = at },
            PhaseState.Completed or PhaseState.RolledBack or PhaseState.Aborted =>
                progress with { State = state, EndedAt = progress.StartedAt is null ? null : at, HeldAt = null },
            _ => progress with { State = state, HeldAt = null },
        };
    }

    private List<RolloutEvent> MoveWeight(int to, string by, string why, DateTimeOffset at) =>
        to == CanaryWeightPercent ? [] : [new TrafficChangeRequested(Id, CurrentPhaseIndex, at, by, why, CanaryWeightPercent, to)];

    private static InvalidRolloutRequest? Blank(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? new InvalidRolloutRequest(field, field == "reason" ? "a reason is required" : $"{field} is required") : null;

    private static RolloutStatus StatusOf(PhaseState state, bool isLastPhase) => state switch
    {
        PhaseState.Pending => RolloutStatus.NotStarted,
        PhaseState.Held => RolloutStatus.Held,
        PhaseState.RolledBack => RolloutStatus.RolledBack,
        PhaseState.Aborted => RolloutStatus.Aborted,
        PhaseState.Completed when isLastPhase => RolloutStatus.Completed,
        _ => RolloutStatus.InProgress,
    };
}
