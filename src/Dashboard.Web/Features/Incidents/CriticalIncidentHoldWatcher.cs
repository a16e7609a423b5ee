using System.Diagnostics.CodeAnalysis;
using Dashboard.Core.Incidents;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Leadership;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared.Live;

namespace Dashboard.Web.Features.Incidents;

/// <summary>
/// Brings the hold a critical incident should have brought when the state store went away between the incident's save
/// and the hold (docs/high-availability.md, "Saved, then the store went away"). <see cref="IncidentService"/> holds at
/// once, so this watcher takes nothing from the change feed: it only sweeps — at start-up and each time this instance
/// takes the automation lease, which on PostgreSQL an outage always ends — and holds each rollout whose hold was missed
/// (<see cref="IncidentService.HoldIfMissedAsync"/>). It acts only while it holds the lease.
/// </summary>
public sealed partial class CriticalIncidentHoldWatcher(
    IncidentService incidentService, IncidentStore incidents, RolloutChangeFeed feed, IAutomationLease lease, ILogger<CriticalIncidentHoldWatcher> logger)
    : ChangeWatcher<RolloutChanged, Guid>(feed, logger)
{
    protected override Task<CancellationToken> WaitForTurnAsync(CancellationToken stoppingToken) => lease.WaitForHoldAsync(stoppingToken);

    protected override bool Selects(RolloutChanged change, [MaybeNullWhen(false)] out Guid rolloutId)
    {
        rolloutId = default;
        return false;
    }

    protected override async Task<IReadOnlyCollection<Guid>> SweepAsync(CancellationToken stoppingToken) =>
        [.. (await incidents.ListOpenAsync(stoppingToken))
            .Where(i => i.Severity == nameof(IncidentSeverity.Critical))
            .Select(i => i.RolloutId)
            .Distinct()];

    protected override async Task ProcessAsync(Guid rolloutId, CancellationToken stoppingToken)
    {
        if (await incidentService.HoldIfMissedAsync(rolloutId, stoppingToken))
        {
            LogHeld(rolloutId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rollout {RolloutId} was held for a critical incident whose hold the state store had lost")]
    private partial void LogHeld(Guid rolloutId);
}
