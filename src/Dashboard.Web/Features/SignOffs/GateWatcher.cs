using System.Threading.Channels;
using Dashboard.Core.Rollouts;
using Dashboard.Core.Rollouts.Events;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Rollouts;

namespace Dashboard.Web.Features.SignOffs;

/// <summary>
/// Opens a gate the moment its phase starts awaiting sign-off when the leads signed (and the checklist was
/// ticked) while it was still running: every saved <see cref="SignOffRequested"/> asks
/// <see cref="GateService.OpenIfReadyAsync"/>, one rollout at a time. At start-up it asks once for every
/// rollout already awaiting sign-off, for a gate completed just before the app stopped.
/// </summary>
public sealed partial class GateWatcher(GateService gates, RolloutStore rollouts, RolloutChangeFeed feed, ILogger<GateWatcher> logger) : BackgroundService
{
    private readonly Channel<Guid> _awaiting = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Subscribed before the start-up sweep, so a request saved meanwhile is queued, not missed.
        feed.Changed += OnChanged;
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        feed.Changed -= OnChanged;
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        foreach (var rolloutId in await AwaitingAtStartAsync(stoppingToken))
        {
            await OpenAsync(rolloutId, stoppingToken);
        }

        await foreach (var rolloutId in _awaiting.Reader.ReadAllAsync(stoppingToken))
        {
            await OpenAsync(rolloutId, stoppingToken);
        }
    }

    private async Task<IReadOnlyList<Guid>> AwaitingAtStartAsync(CancellationToken stoppingToken)
    {
        try
        {
            return [.. (await rollouts.ListAsync(stoppingToken))
                .Where(r => r.Phases[r.CurrentPhaseIndex].State == PhaseState.AwaitingSignOff)
                .Select(r => r.Id)];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSweepFailed(ex);
            return [];
        }
    }

    private async Task OpenAsync(Guid rolloutId, CancellationToken stoppingToken)
    {
        try
        {
            if (await gates.OpenIfReadyAsync(rolloutId, stoppingToken))
            {
                LogOpened(rolloutId);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogOpenFailed(ex, rolloutId);
        }
    }

    private void OnChanged(RolloutChanged change)
    {
        if (change.Events.Any(e => e is SignOffRequested))
        {
            _awaiting.Writer.TryWrite(change.RolloutId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The sign-off gate of rollout {RolloutId} was already signed: the phase advanced as soon as it asked")]
    private partial void LogOpened(Guid rolloutId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not open the sign-off gate of rollout {RolloutId}")]
    private partial void LogOpenFailed(Exception exception, Guid rolloutId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not list the rollouts awaiting sign-off at start-up")]
    private partial void LogSweepFailed(Exception exception);
}
