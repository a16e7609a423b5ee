using Dashboard.Core.Rollouts;
using Dashboard.Core.Routing;
using Dashboard.Infrastructure.Persistence;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>
/// The one application service for rollouts: the UI, the REST API and automation call it. Every
/// command asks <see cref="RolloutAuthorization"/>, loads the aggregate, runs the command, saves the
/// state with its audit events in one transaction, and only then moves traffic — each requested
/// change goes to the router and is recorded as applied only when the router's read-back confirms it.
/// </summary>
public sealed class RolloutService(
    RolloutStore store,
    TrafficChangeLog changeLog,
    PlanCatalog plans,
    ITrafficRouter router,
    RolloutAuthorization authorization,
    TimeProvider timeProvider,
    ILogger<RolloutService> logger)
{
    public async Task<RolloutOutcome<RolloutView>> CreateAsync(CreateRolloutRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        if (authorization.Require(actor, RolloutOperation.CreateRollout) is { } denial)
        {
            return RolloutOutcomes.Forbidden<RolloutView>(denial);
        }

        if (string.IsNullOrWhiteSpace(request.PlanId))
        {
            return RolloutOutcomes.Invalid<RolloutView>("planId", "planId is required");
        }

        if (await plans.FindPlanAsync(request.PlanId.Trim(), cancellationToken) is not { } plan)
        {
            return RolloutOutcomes.Invalid<RolloutView>("planId", $"there is no plan '{request.PlanId.Trim()}'");
        }

        var creation = Rollout.Create(
            Guid.NewGuid(), request.Service ?? string.Empty, request.BaselineVersion ?? string.Empty, request.CandidateVersion ?? string.Empty,
            plan, actor.Name, request.Reason ?? string.Empty, timeProvider.GetUtcNow());
        if (!creation.Succeeded)
        {
            return Rejected(creation.Rejection, null);
        }

        await store.CreateAsync(creation.Rollout, creation.Events, cancellationToken);
        return RolloutOutcomes.Created<RolloutView>(RolloutView.From(creation.Rollout, []));
    }

    public Task<RolloutOutcome<RolloutView>> StartAsync(Guid id, Actor actor, string? reason, CancellationToken cancellationToken = default) =>
        RunAsync(id, actor, RolloutOperation.Start, TrafficChangeSource.Api, (r, by, at) => r.Start(by, reason ?? string.Empty, at), cancellationToken);

    public Task<RolloutOutcome<RolloutView>> AdvanceAsync(Guid id, Actor actor, string? reason, CancellationToken cancellationToken = default) =>
        RunAsync(id, actor, RolloutOperation.Advance, TrafficChangeSource.Api, (r, by, at) => r.Advance(by, reason ?? string.Empty, at), cancellationToken);

    public Task<RolloutOutcome<RolloutView>> HoldAsync(Guid id, Actor actor, string? reason, CancellationToken cancellationToken = default) =>
        RunAsync(id, actor, RolloutOperation.Hold, TrafficChangeSource.Api, (r, by, at) => r.Hold(by, reason ?? string.Empty, at), cancellationToken);

    public Task<RolloutOutcome<RolloutView>> ResumeAsync(Guid id, Actor actor, string? reason, CancellationToken cancellationToken = default) =>
        RunAsync(id, actor, RolloutOperation.Resume, TrafficChangeSource.Api, (r, by, at) => r.Resume(by, reason ?? string.Empty, at), cancellationToken);

    public Task<RolloutOutcome<RolloutView>> RollBackAsync(Guid id, Actor actor, string? reason, CancellationToken cancellationToken = default) =>
        RunAsync(id, actor, RolloutOperation.RollBack, TrafficChangeSource.Api, (r, by, at) => r.RollBack(by, reason ?? string.Empty, at), cancellationToken);

    public Task<RolloutOutcome<RolloutView>> AbortAsync(Guid id, Actor actor, string? reason, CancellationToken cancellationToken = default) =>
        RunAsync(id, actor, RolloutOperation.Abort, TrafficChangeSource.Api, (r, by, at) => r.Abort(by, reason ?? string.Empty, at), cancellationToken);

    /// <param name="id">The rollout.</param>
    /// <param name="percent">The canary's new share, 0..100; null is refused as missing.</param>
    /// <param name="actor">Who asks.</param>
    /// <param name="reason">Why; required.</param>
    /// <param name="source">Where the request came from (UI, API, automation); stored on the change.</param>
    /// <param name="cancellationToken">Cancels loading and saving; a change handed to the router is always settled.</param>
    public Task<RolloutOutcome<RolloutView>> ChangeTrafficAsync(
        Guid id, int? percent, Actor actor, string? reason, TrafficChangeSource source, CancellationToken cancellationToken = default) =>
        percent is not { } value
            ? Task.FromResult(RolloutOutcomes.Invalid<RolloutView>("percent", "percent is required"))
            : RunAsync(id, actor, RolloutOperation.ChangeTraffic, source, (r, by, at) => r.ChangeTraffic(value, by, reason ?? string.Empty, at), cancellationToken);

    public async Task<RolloutView?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        await store.LoadAsync(id, cancellationToken) is { } rollout ? await ViewAsync(rollout, cancellationToken) : null;

    public async Task<IReadOnlyList<RolloutView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var views = new List<RolloutView>();
        foreach (var snapshot in await store.ListAsync(cancellationToken))
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

    private async Task<RolloutOutcome<RolloutView>> RunAsync(
        Guid id, Actor actor, RolloutOperation operation, TrafficChangeSource source, Func<Rollout, string, DateTimeOffset, RolloutResult> command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (authorization.Require(actor, operation) is { } denial)
        {
            return RolloutOutcomes.Forbidden<RolloutView>(denial);
        }

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
            return RolloutOutcomes.Conflict<RolloutView>(ex.Message);
        }
        catch (RolloutNotFoundException)
        {
            return NotFound(id);
        }

        var settled = new List<TrafficChangeView>();
        foreach (var change in requested)
        {
            settled.Add(TrafficChangeView.From(await ApplyAsync(change), source));
        }

        var view = await ViewAsync(rollout, CancellationToken.None);
        var failed = settled.Where(c => c.Status == nameof(TrafficChangeStatus.Failed)).ToList();
        return failed.Count == 0
            ? RolloutOutcomes.Succeeded<RolloutView>(view, settled)
            : RolloutOutcomes.RouterFailed<RolloutView>(
                view,
                settled,
                $"The {operation} was saved, but the traffic router ({router.Name}) did not confirm {string.Join(", ", failed.Select(c => $"{c.ToPercent} %"))}: "
                + string.Join("; ", failed.Select(c => c.FailureMessage)));
    }

    /// <summary>
    /// Hands one saved request to the router and records the outcome. Not cancellable on purpose:
    /// once the router may have moved traffic, the record of what it did must be written.
    /// </summary>
    private async Task<TrafficChange> ApplyAsync(TrafficChange change)
    {
        TrafficChange settled;
        try
        {
            var readBack = await router.ApplyAsync(change.ToPercent, CancellationToken.None);
            settled = readBack.IsExactly(change.ToPercent)
                ? change.Confirm(change.ToPercent, timeProvider.GetUtcNow())
                : change.Fail($"the router reads back {readBack}, not the requested {change.ToPercent} %", timeProvider.GetUtcNow());
        }
        catch (TrafficRouterException ex)
        {
            logger.LogWarning(ex, "Traffic router {Router} failed to apply {Percent} % for rollout {RolloutId}", router.Name, change.ToPercent, change.RolloutId);
            settled = change.Fail(ex.RouterMessage is { Length: > 0 } said ? $"{ex.Message} ({said})" : ex.Message, timeProvider.GetUtcNow());
        }

        await changeLog.RecordOutcomeAsync(settled, CancellationToken.None);
        return settled;
    }

    private async Task<RolloutView> ViewAsync(Rollout rollout, CancellationToken cancellationToken) =>
        RolloutView.From(rollout, [.. (await changeLog.ListAsync(rollout.Id, cancellationToken)).Select(TrafficChangeView.From)]);

    private static RolloutOutcome<RolloutView> NotFound(Guid id) => RolloutOutcomes.NotFound<RolloutView>($"Rollout {id} does not exist.");

    private static RolloutOutcome<RolloutView> Rejected(RolloutRejection rejection, RolloutView? current) => rejection switch
    {
        IllegalTransition illegal when current is not null => RolloutOutcomes.Illegal<RolloutView>(illegal, current),
        InvalidRolloutRequest invalid => RolloutOutcomes.Invalid<RolloutView>(invalid.Field, invalid.Problem),
        _ => RolloutOutcomes.Invalid<RolloutView>("request", rejection.Message),
    };
}
