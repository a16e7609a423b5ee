using Dashboard.Core.Rollouts;
using Dashboard.Core.Routing;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Shared;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>
/// The one application service for rollouts: the UI, the REST API and automation call it. Every
/// command asks <see cref="AccessAuthorization"/>, loads the aggregate, runs the command, saves the
/// state with its audit events in one transaction, tells every open page through
/// <see cref="RolloutChangeFeed"/>, and only then moves traffic — each requested
/// change goes to the router and is recorded as applied only when the router's read-back confirms it.
/// A state store lost after the save is answered <see cref="OutcomeKind.StoreLostAfterSave"/>, never thrown: a store
/// outage that reaches the caller as an exception met the store before anything was saved.
/// </summary>
public sealed partial class RolloutService(
    RolloutStore store,
    TrafficChangeLog changeLog,
    PlanCatalog plans,
    ITrafficRouter router,
    AccessAuthorization authorization,
    RolloutChangeFeed changes,
    TimeProvider timeProvider,
    ILogger<RolloutService> logger)
{
    public async Task<Outcome<RolloutCommandResponse>> CreateAsync(CreateRolloutRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        if (await authorization.RequireAsync(actor, Operation.CreateRollout, null, cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<RolloutCommandResponse>(denial);
        }

        var problems = RolloutRequestRules.Check(request);
        var plan = string.IsNullOrWhiteSpace(request.PlanId) ? null : await plans.FindPlanAsync(request.PlanId.Trim(), cancellationToken);
        if (plan is null && !problems.ContainsKey("planId"))
        {
            problems["planId"] = [$"there is no plan '{request.PlanId!.Trim()}'"];
        }

        if (problems.Count > 0 || plan is null)
        {
            return Outcomes.Invalid<RolloutCommandResponse>(problems);
        }

        var creation = Rollout.Create(
            Guid.NewGuid(), request.Service ?? string.Empty, request.BaselineVersion ?? string.Empty, request.CandidateVersion ?? string.Empty,
            plan, actor.Name, request.Reason ?? string.Empty, timeProvider.GetUtcNow());
        if (!creation.Succeeded)
        {
            return Rejected(creation.Rejection, null);
        }

        await store.CreateAsync(creation.Rollout, creation.Events, cancellationToken);
        changes.Publish(creation.Rollout.Id, creation.Events);
        return Outcomes.Created(new RolloutCommandResponse(RolloutView.From(creation.Rollout, []), []));
    }

    /// <summary>
    /// Runs one action on a rollout: authorizes it, applies it to the aggregate, saves the state with
    /// its audit events, tells every open page, then hands each requested weight to the router.
    /// </summary>
    /// <param name="id">The rollout.</param>
    /// <param name="command">What, by whom, why, from where (and the new weight for a traffic change).</param>
    /// <param name="cancellationToken">Cancels loading and saving; a change handed to the router is always settled.</param>
    public async Task<Outcome<RolloutCommandResponse>> ExecuteAsync(Guid id, RolloutCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var reason = command.Reason ?? string.Empty;
        Func<Rollout, string, DateTimeOffset, RolloutResult>? apply = command.Action switch
        {
            RolloutAction.Start => (r, by, at) => r.Start(by, reason, at),
            RolloutAction.Advance => (r, by, at) => r.Advance(by, reason, at),
            RolloutAction.Hold => (r, by, at) => r.Hold(by, reason, at),
            RolloutAction.Resume => (r, by, at) => r.Resume(by, reason, at),
            RolloutAction.RollBack => (r, by, at) => r.RollBack(by, reason, at),
            RolloutAction.Abort => (r, by, at) => r.Abort(by, reason, at),
            RolloutAction.RetryPhase => (r, by, at) => r.RetryPhase(by, reason, at),
            RolloutAction.RequestSignOff => (r, by, at) => r.RequestSignOff(by, reason, at),
            RolloutAction.MarkPassed => (r, by, at) => r.MarkPassed(by, reason, at),
            RolloutAction.ChangeTraffic when command.Percent is { } percent => (r, by, at) => r.ChangeTraffic(percent, by, reason, at),
            _ => null,
        };
        if (apply is null && command.Action != RolloutAction.ChangeTraffic)
        {
            return Outcomes.Invalid<RolloutCommandResponse>("action", $"there is no action '{command.Action}'");
        }

        ArgumentNullException.ThrowIfNull(command.Actor);
        if (await authorization.RequireAsync(command.Actor, RolloutOperations.For(command.Action), id, cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<RolloutCommandResponse>(denial);
        }

        // Every problem of the request at once, before anything is loaded: nothing is saved, audited or sent to the router.
        // A traffic change without a percent has no command to apply; Check names the missing percent.
        var problems = RolloutRequestRules.Check(command);
        return problems.Count > 0 || apply is null
            ? Outcomes.Invalid<RolloutCommandResponse>(problems)
            : await RunAsync(id, command.Actor, command.Source, command.Action.ToString(), apply, cancellationToken);
    }

    /// <summary>
    /// Re-applies the recorded weight of the rollout of record (the one started last) when the router
    /// runs something else. Reads the router itself rather than trusting an earlier drift report;
    /// a Conflict when nothing was recorded or the router already runs the recorded weight. When the
    /// router cannot be read the recorded weight is re-applied all the same, and the router's failure
    /// is recorded on the change.
    /// </summary>
    public async Task<Outcome<RolloutCommandResponse>> ReconcileTrafficAsync(Actor actor, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await authorization.RequireAsync(actor, Operation.ReconcileTraffic, null, cancellationToken) is { } denial)
        {
            return Outcomes.Forbidden<RolloutCommandResponse>(denial);
        }

        if (InputRules.Reason(reason) is { } reasonProblem)
        {
            return Outcomes.Invalid<RolloutCommandResponse>("reason", reasonProblem);
        }

        if (await store.FindLatestStartedAsync(cancellationToken) is not { } ofRecord)
        {
            return Outcomes.Conflict<RolloutCommandResponse>("Nothing to reconcile: no rollout has started, so no weight is recorded to compare with the router.");
        }

        TrafficWeights? observed;
        try
        {
            observed = await router.ReadAsync(cancellationToken);
        }
        catch (TrafficRouterException ex)
        {
            logger.LogWarning(ex, "Traffic router {Router} could not be read before reconciling rollout {RolloutId}", router.Name, ofRecord.Id);
            observed = null;
        }

        return await RunAsync(
            ofRecord.Id, actor, TrafficChangeSource.Reconcile, "reconcile",
            (rollout, by, at) => rollout.ReconcileTraffic(observed, by, reason ?? string.Empty, at), cancellationToken);
    }

    public async Task<RolloutView?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        await store.LoadAsync(id, cancellationToken) is { } rollout ? await ViewAsync(rollout, cancellationToken) : null;

    /// <summary>The rollout with its plan and traffic changes, for the rollout page; null when there is no such rollout.</summary>
    public async Task<RolloutDetail?> FindDetailAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await store.LoadAsync(id, cancellationToken) is not { } rollout)
        {
            return null;
        }

        IReadOnlyList<TrafficChangeView> changes = [.. (await changeLog.ListAsync(id, cancellationToken)).Select(TrafficChangeView.From)];
        return new RolloutDetail(RolloutView.From(rollout, changes), rollout.Plan, changes);
    }

    public async Task<IReadOnlyList<RolloutView>> ListAsync(CancellationToken cancellationToken = default) =>
        await ViewsAsync(await store.ListAsync(cancellationToken), cancellationToken);

    /// <summary>Every rollout's stored state, newest first: cheap, so a list endpoint builds views for one page only (<see cref="ViewsAsync"/>).</summary>
    public Task<IReadOnlyList<RolloutSnapshot>> ListSnapshotsAsync(CancellationToken cancellationToken = default) => store.ListAsync(cancellationToken);

    /// <summary>The views of <paramref name="snapshots"/>, in their order.</summary>
    public async Task<IReadOnlyList<RolloutView>> ViewsAsync(IEnumerable<RolloutSnapshot> snapshots, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var views = new List<RolloutView>();
        foreach (var snapshot in snapshots)
        {
            views.Add(await ViewAsync(Rollout.FromSnapshot(snapshot), cancellationToken));
        }

        return views;
    }

    /// <summary>The rollout's traffic changes, oldest first, or null when there is no such rollout.</summary>
    public async Task<IReadOnlyList<TrafficChangeView>?> ListTrafficChangesAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await store.FindAsync(id, cancellationToken) is null)
        {
            return null;
        }

        return [.. (await changeLog.ListAsync(id, cancellationToken)).Select(TrafficChangeView.From)];
    }

    /// <summary>Load, command, save, publish, then each requested weight to the router; the caller has authorized <paramref name="actor"/>.</summary>
    private async Task<Outcome<RolloutCommandResponse>> RunAsync(
        Guid id, Actor actor, TrafficChangeSource source, string actionName, Func<Rollout, string, DateTimeOffset, RolloutResult> command, CancellationToken cancellationToken)
    {
        if (await store.LoadAsync(id, cancellationToken) is not { } rollout)
        {
            return NotFound(id);
        }

        var loadedVersion = rollout.Version;
        var result = command(rollout, actor.Name, timeProvider.GetUtcNow());
        if (!result.Succeeded)
        {
            return Rejected(result.Rejection, await ViewAsync(rollout, cancellationToken));
        }

        IReadOnlyList<TrafficChange> requested;
        try
        {
            requested = await store.SaveAsync(rollout, loadedVersion, result.Events, source, cancellationToken);
        }
        catch (ConcurrencyConflictException ex)
        {
            return Outcomes.Conflict<RolloutCommandResponse>(ex.Message);
        }
        catch (RolloutNotFoundException)
        {
            return NotFound(id);
        }

        changes.Publish(id, result.Events);

        // From here the command is on the record: a state store lost now must not be answered "nothing was changed" (and
        // invite a second decision), nor the save be tried again. What the router did is said, and left to be recorded.
        var settled = new List<TrafficChange>();
        for (var i = 0; i < requested.Count; i++)
        {
            var outcome = await AskRouterAsync(requested[i]);
            try
            {
                await changeLog.RecordOutcomeAsync(outcome, CancellationToken.None);
            }
            catch (Exception ex) when (StateStoreUnreachable.Is(ex))
            {
                LogOutcomeNotRecorded(ex, id, outcome.Id, outcome.ToPercent, outcome.Status);
                return Outcomes.StoreLostAfterSave<RolloutCommandResponse>(
                    SavedThenStoreLost.OutcomeNotRecorded(actionName, router.Name, outcome, [.. requested.Skip(i + 1)]));
            }

            settled.Add(outcome);
            changes.Publish(id, settled: outcome);
        }

        RolloutView view;
        try
        {
            view = await ViewAsync(rollout, CancellationToken.None);
        }
        catch (Exception ex) when (StateStoreUnreachable.Is(ex))
        {
            LogViewNotRead(ex, id);
            return Outcomes.StoreLostAfterSave<RolloutCommandResponse>(SavedThenStoreLost.ViewNotRead(actionName, router.Name, settled));
        }

        var views = settled.Select(c => TrafficChangeView.From(c, source)).ToList();
        var failed = views.Where(c => c.Status == TrafficChangeStatus.Failed).ToList();
        return failed.Count == 0
            ? Outcomes.Succeeded(new RolloutCommandResponse(view, views))
            : Outcomes.RouterFailed(
                new RolloutCommandResponse(view, views),
                $"The {actionName} was saved, but the traffic router ({router.Name}) did not confirm {string.Join(", ", failed.Select(c => $"{c.ToPercent} %"))}: "
                + string.Join("; ", failed.Select(c => c.FailureMessage)));
    }

    /// <summary>
    /// Finishes a traffic change that was saved but never settled: the instance that saved it died between the save and
    /// the router (docs/high-availability.md, "What happens when"). Only the latest change of the rollout of record (the
    /// one started last, whose weight the router should run) counts, and only once it was requested at least
    /// <paramref name="olderThan"/> ago — a younger one may still be in flight on a live instance, and the result says when
    /// to look again. The requested weight goes to the router and the outcome is recorded, as that instance would have done;
    /// the decision itself was authorized and audited when it was saved.
    /// </summary>
    /// <exception cref="InvalidOperationException">The change was settled meanwhile (its instance was alive after all);
    /// the router was given the same weight again, which changes nothing.</exception>
    public async Task<UnsettledTraffic> FinishUnsettledTrafficAsync(TimeSpan olderThan, CancellationToken cancellationToken = default)
    {
        if (await store.FindLatestStartedAsync(cancellationToken) is not { } rollout
            || await changeLog.ListAsync(rollout.Id, cancellationToken) is not [.., { Status: TrafficChangeStatus.Requested } latest])
        {
            return UnsettledTraffic.None;
        }

        if (latest.RequestedAt + olderThan > timeProvider.GetUtcNow())
        {
            return new UnsettledTraffic(null, latest.RequestedAt + olderThan);
        }

        logger.LogWarning(
            "Traffic change {ChangeId} of rollout {RolloutId} to {Percent} % was requested at {RequestedAt} and never settled; handing it to the router now",
            latest.Id, rollout.Id, latest.ToPercent, latest.RequestedAt);
        var settled = await ApplyAsync(latest.ToTrafficChange());
        changes.Publish(rollout.Id, settled: settled);
        return new UnsettledTraffic(settled, null);
    }

    /// <summary>
    /// Hands one saved request to the router and records the outcome. Not cancellable on purpose:
    /// once the router may have moved traffic, the record of what it did must be written.
    /// </summary>
    private async Task<TrafficChange> ApplyAsync(TrafficChange change)
    {
        var settled = await AskRouterAsync(change);
        await changeLog.RecordOutcomeAsync(settled, CancellationToken.None);
        return settled;
    }

    /// <summary>Hands one saved request to the router and settles it on the read-back, in memory: the caller records it.</summary>
    private async Task<TrafficChange> AskRouterAsync(TrafficChange change)
    {
        try
        {
            var readBack = await router.ApplyAsync(change.ToPercent, CancellationToken.None);
            return readBack.IsExactly(change.ToPercent)
                ? change.Confirm(change.ToPercent, timeProvider.GetUtcNow())
                : change.Fail($"the router reads back {readBack}, not the requested {change.ToPercent} %", timeProvider.GetUtcNow());
        }
        catch (TrafficRouterException ex)
        {
            logger.LogWarning(ex, "Traffic router {Router} failed to apply {Percent} % for rollout {RolloutId}", router.Name, change.ToPercent, change.RolloutId);
            return change.Fail(ex.RouterMessage is { Length: > 0 } said ? $"{ex.Message} ({said})" : ex.Message, timeProvider.GetUtcNow());
        }
    }

    private async Task<RolloutView> ViewAsync(Rollout rollout, CancellationToken cancellationToken) =>
        RolloutView.From(rollout, [.. (await changeLog.ListAsync(rollout.Id, cancellationToken)).Select(TrafficChangeView.From)]);

    private static Outcome<RolloutCommandResponse> NotFound(Guid id) => Outcomes.NotFound<RolloutCommandResponse>($"Rollout {id} does not exist.");

    private static Outcome<RolloutCommandResponse> Rejected(RolloutRejection rejection, RolloutView? current) => rejection switch
    {
        IllegalTransition illegal when current is not null => Outcomes.Illegal(illegal, new RolloutCommandResponse(current, [])),
        InvalidRolloutRequest invalid => Outcomes.Invalid<RolloutCommandResponse>(invalid.Field, invalid.Problem),
        ReconcileRefused refused => Outcomes.Conflict<RolloutCommandResponse>(char.ToUpperInvariant(refused.Problem[0]) + refused.Problem[1..] + "."),
        _ => Outcomes.Invalid<RolloutCommandResponse>("request", rejection.Message),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Traffic change {ChangeId} of rollout {RolloutId} was saved and handed to the router ({Percent} %: {Status}), but the state store was lost before its outcome was recorded; it stays requested until the automation finishes it")]
    private partial void LogOutcomeNotRecorded(Exception exception, Guid rolloutId, Guid changeId, int percent, TrafficChangeStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A command on rollout {RolloutId} was saved and settled, but the state store was lost before the rollout could be read back for the answer")]
    private partial void LogViewNotRead(Exception exception, Guid rolloutId);
}
