using System.Diagnostics.CodeAnalysis;
using Dashboard.Core.Rollouts;
using Dashboard.Web.Features.Leadership;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared.Live;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.TrafficDrift;

/// <summary>
/// Runs <see cref="TrafficDriftMonitor.CheckAsync"/> at start-up (in the background, retrying a few
/// times with backoff while the router or the state store cannot be read), then every
/// <c>Routing:DriftCheckInterval</c> and shortly after every saved rollout change — only while this instance holds
/// the automation lease (a check records drift episodes), starting over with the start-up check each time it takes it.
/// Before each check it finishes a traffic change left unsettled by an instance that died between saving it and the
/// router (<see cref="RolloutService.FinishUnsettledTrafficAsync"/>), waking when such a change is due.
/// </summary>
public sealed partial class TrafficDriftWatcher(
    TrafficDriftMonitor monitor,
    RolloutService rollouts,
    RolloutChangeFeed feed,
    IAutomationLease lease,
    IOptions<TrafficDriftOptions> options,
    TimeProvider timeProvider,
    ILogger<TrafficDriftWatcher> logger) : ChangeWatcher<RolloutChanged, DriftCheckCause>(feed, logger)
{
    private static readonly TimeSpan[] StartupRetryDelays = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16)];

    // A command publishes once when saved and again when its traffic change settles; checking between
    // the two would report the change in flight as drift, so a check waits until the changes go quiet.
    private static readonly TimeSpan SettleDelay = TimeSpan.FromSeconds(1);

    private DateTimeOffset? unsettledDueAt;

    protected override Task<CancellationToken> WaitForTurnAsync(CancellationToken stoppingToken) => lease.WaitForHoldAsync(stoppingToken);

    // Every change asks for the same check, so any number of them waiting is one check.
    protected override bool Selects(RolloutChanged change, [MaybeNullWhen(false)] out DriftCheckCause cause)
    {
        cause = DriftCheckCause.RolloutChanged;
        return true;
    }

    // Start-up goes on while the first check runs; the report stays NotChecked until it ends.
    protected override Task<IReadOnlyCollection<DriftCheckCause>> SweepAsync(CancellationToken stoppingToken) =>
        Task.FromResult<IReadOnlyCollection<DriftCheckCause>>([DriftCheckCause.StartUp]);

    /// <summary>The next rollout change once the changes went quiet, or the interval, whichever comes first.</summary>
    protected override async Task<DriftCheckCause> WaitForNextAsync(CancellationToken stoppingToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var wait = options.Value.DriftCheckInterval;
        if (unsettledDueAt is { } unsettled)
        {
            var untilUnsettled = unsettled - timeProvider.GetUtcNow();
            wait = untilUnsettled < TimeSpan.Zero ? TimeSpan.Zero : untilUnsettled < wait ? untilUnsettled : wait;
        }

        var due = Task.Delay(wait, timeProvider, waiting.Token);
        var changed = WaitForQueuedAsync(waiting.Token);
        var first = await Task.WhenAny(due, changed);
        await waiting.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
        if (first != changed)
        {
            return DriftCheckCause.Interval;
        }

        await Task.Delay(SettleDelay, timeProvider, stoppingToken);
        DiscardQueued();
        return DriftCheckCause.RolloutChanged;
    }

    /// <summary>The monitor reports every failure it expects; the base logs anything else and goes on.</summary>
    protected override async Task ProcessAsync(DriftCheckCause cause, CancellationToken stoppingToken)
    {
        await FinishUnsettledAsync(stoppingToken);
        for (var attempt = 0; ; attempt++)
        {
            var report = await monitor.CheckAsync(stoppingToken);
            if (cause != DriftCheckCause.StartUp
                || report.Kind is not (TrafficDriftKind.RouterUnreadable or TrafficDriftKind.StateUnreadable)
                || attempt == StartupRetryDelays.Length)
            {
                return;
            }

            LogStartupRetry(report.Kind, StartupRetryDelays[attempt]);
            await Task.Delay(StartupRetryDelays[attempt], timeProvider, stoppingToken);
        }
    }

    // Finished before the check, so the check compares the router with a settled record.
    private async Task FinishUnsettledAsync(CancellationToken stoppingToken)
    {
        try
        {
            var found = await rollouts.FinishUnsettledTrafficAsync(options.Value.UnsettledChangeGrace, stoppingToken);
            unsettledDueAt = found.DueAt;
            if (found.Finished is { } change)
            {
                LogFinished(change.Id, change.ToPercent, change.Status);
            }
        }
        catch (InvalidOperationException ex)
        {
            unsettledDueAt = null;
            LogSettledMeanwhile(ex.Message);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // The state store could not be read: the check that follows reports it; the next one tries again.
            LogFinishFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Finished traffic change {ChangeId} to {Percent} %, left unsettled by the instance that saved it: {Status}")]
    private partial void LogFinished(Guid changeId, int percent, TrafficChangeStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "An unsettled traffic change was settled meanwhile by its own instance: {Detail}")]
    private partial void LogSettledMeanwhile(string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look for a traffic change left unsettled")]
    private partial void LogFinishFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Traffic drift check at start-up found {Kind}; trying again in {Delay}")]
    private partial void LogStartupRetry(TrafficDriftKind kind, TimeSpan delay);
}
