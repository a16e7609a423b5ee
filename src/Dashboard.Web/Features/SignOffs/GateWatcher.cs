using System.Diagnostics.CodeAnalysis;
using Dashboard.Core.Rollouts;
using Dashboard.Core.Rollouts.Events;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Leadership;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared.Live;

namespace Dashboard.Web.Features.SignOffs;

/// <summary>
/// Opens a gate the moment its phase starts awaiting sign-off when the leads signed (and the checklist was
/// ticked) while it was still running: every saved <see cref="SignOffRequested"/> asks
/// <see cref="GateService.OpenIfReadyAsync"/>, one rollout at a time. At start-up it asks once for every
/// rollout already awaiting sign-off, for a gate completed just before the app stopped — and again each time this
/// instance takes the automation lease; it acts only while it holds it.
/// </summary>
public sealed partial class GateWatcher(GateService gates, RolloutStore rollouts, RolloutChangeFeed feed, IAutomationLease lease, ILogger<GateWatcher> logger)
    : ChangeWatcher<RolloutChanged, Guid>(feed, logger)
{
    protected override Task<CancellationToken> WaitForTurnAsync(CancellationToken stoppingToken) => lease.WaitForHoldAsync(stoppingToken);

    protected override bool Selects(RolloutChanged change, [MaybeNullWhen(false)] out Guid rolloutId)
    {
        rolloutId = change.RolloutId;
        return change.Events.Any(e => e is SignOffRequested);
    }

    protected override async Task<IReadOnlyCollection<Guid>> SweepAsync(CancellationToken stoppingToken) =>
        [.. (await rollouts.ListAsync(stoppingToken))
            .Where(r => r.Phases[r.CurrentPhaseIndex].State == PhaseState.AwaitingSignOff)
            .Select(r => r.Id)];

    protected override async Task ProcessAsync(Guid rolloutId, CancellationToken stoppingToken)
    {
        if (await gates.OpenIfReadyAsync(rolloutId, stoppingToken))
        {
            LogOpened(rolloutId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The sign-off gate of rollout {RolloutId} was already signed: the phase advanced as soon as it asked")]
    private partial void LogOpened(Guid rolloutId);
}
