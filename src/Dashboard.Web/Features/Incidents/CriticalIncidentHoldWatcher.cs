using System.Diagnostics.CodeAnalysis;
using Dashboard.Core.Incidents;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Leadership;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared.Live;

namespace Dashboard.Web.Features.Incidents;

/// <summary>
/// Brings the hold a critical incident should have brought and did not: the state store went away, or the instance
/// died, between the incident's save and the hold (docs/high-availability.md, "Saved, then the store went away").
/// <see cref="IncidentService"/> holds at once, so this watcher takes nothing from the change feed: it sweeps when this
/// instance takes the automation lease (on PostgreSQL an outage always ends the hold) and every
/// <see cref="SweepInterval"/> while it holds it, and holds each rollout whose hold was missed
/// (<see cref="IncidentService.HoldIfMissedAsync"/>). An incident that became critical less than <see cref="Grace"/>
/// ago is left to the service's own hold, which follows its save within moments.
/// </summary>
public sealed partial class CriticalIncidentHoldWatcher(
    IncidentService incidentService, IncidentStore incidents, RolloutChangeFeed feed, IAutomationLease lease, TimeProvider timeProvider,
    ILogger<CriticalIncidentHoldWatcher> logger)
    : ChangeWatcher<RolloutChanged, CriticalIncidentHoldWatcher.SweepCause>(feed, logger)
{
    /// <summary>How often the lease holder looks for a missed hold.</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    /// <summary>How long after an incident became critical its hold counts as missed.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    /// <summary>Why the watcher sweeps.</summary>
    public enum SweepCause
    {
        /// <summary>This instance took the lease (or started).</summary>
        Turn,

        /// <summary><see cref="SweepInterval"/> passed.</summary>
        Interval,
    }

    protected override Task<CancellationToken> WaitForTurnAsync(CancellationToken stoppingToken) => lease.WaitForHoldAsync(stoppingToken);

    protected override bool Selects(RolloutChanged change, [MaybeNullWhen(false)] out SweepCause cause)
    {
        cause = default;
        return false;
    }

    protected override Task<IReadOnlyCollection<SweepCause>> SweepAsync(CancellationToken stoppingToken) =>
        Task.FromResult<IReadOnlyCollection<SweepCause>>([SweepCause.Turn]);

    protected override async Task<SweepCause> WaitForNextAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(SweepInterval, timeProvider, stoppingToken);
        return SweepCause.Interval;
    }

    protected override async Task ProcessAsync(SweepCause cause, CancellationToken stoppingToken)
    {
        var criticalBefore = timeProvider.GetUtcNow() - Grace;
        var rollouts = (await incidents.ListOpenAsync(stoppingToken))
            .Where(i => i.Severity == nameof(IncidentSeverity.Critical))
            .Select(i => i.RolloutId)
            .Distinct();
        foreach (var rolloutId in rollouts)
        {
            if (await incidentService.HoldIfMissedAsync(rolloutId, criticalBefore, stoppingToken))
            {
                LogHeld(rolloutId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rollout {RolloutId} was held for a critical incident whose hold had been lost with the state store or an instance")]
    private partial void LogHeld(Guid rolloutId);
}
