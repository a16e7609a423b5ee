using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Checkpoints;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Leadership;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// Every <c>CheckpointEvaluation:TopUp:Interval</c>, tops up the stored sums of every phase run that is running or held
/// (a held phase resumes with its clock running, and its due checkpoints then fire at once) through
/// <see cref="CheckpointSumTopUp"/>, so a checkpoint of a 36 h window reads only the last few minutes from InfluxDB
/// (docs/checkpoints.md, "Topping up while the phase runs"). Ended phase runs are left alone; once an hour the sums of runs
/// that ended more than <c>KeepEndedFor</c> ago are deleted (<see cref="IntervalSumRetention"/>). Only the holder of the
/// automation lease does it: the sums are shared in the state store, and InfluxDB's load must not grow with the instances.
/// </summary>
public sealed partial class CheckpointSumTopUpService(
    RolloutStore rollouts,
    CheckpointSumTopUp topUp,
    IIntervalSumStore sums,
    IAutomationLease lease,
    IOptions<CheckpointEvaluatorOptions> options,
    TimeProvider timeProvider,
    ILogger<CheckpointSumTopUpService> logger) : BackgroundService
{
    // Pruning lists every stored chunk's run; ended runs wait days, so once an hour is plenty.
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);
    private DateTimeOffset? _prunedAt;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.TopUp;
        if (!settings.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.Interval, timeProvider);
        do
        {
            try
            {
                if (lease.IsHeld)
                {
                    await TickAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogTickFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass: tops up each running or held phase run once (a bounded read each), then prunes when due.</summary>
    public async Task TickAsync(CancellationToken cancellationToken = default)
    {
        var snapshots = await rollouts.ListAsync(cancellationToken);
        foreach (var rollout in snapshots.Select(Rollout.FromSnapshot))
        {
            if (rollout.CurrentState is not (PhaseState.Running or PhaseState.Held) || rollout.CurrentProgress.StartedAt is not { } startedAt)
            {
                continue;
            }

            var run = new PhaseRunKey(rollout.Id.ToString(), rollout.CurrentPhaseIndex, startedAt);
            var result = await topUp.TopUpAsync(run, rollout.CurrentPhase, cancellationToken);
            if (result.Failure is { } failure)
            {
                LogNotStored(rollout.Id, rollout.CurrentPhaseIndex, failure);
            }
        }

        var now = timeProvider.GetUtcNow();
        if (_prunedAt is { } last && now - last < PruneEvery)
        {
            return;
        }

        _prunedAt = now;
        foreach (var run in IntervalSumRetention.Expired(await sums.RunsAsync(cancellationToken), snapshots, now, options.Value.TopUp.KeepEndedFor))
        {
            var deleted = await sums.DeleteAsync(run, cancellationToken);
            LogPruned(run.RolloutId, run.PhaseIndex, deleted);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored sums of phase {PhaseIndex} of rollout {RolloutId} were not topped up: {Failure}; the next tick tries again")]
    private partial void LogNotStored(Guid rolloutId, int phaseIndex, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Chunks} stored sum chunks of phase {PhaseIndex} of rollout {RolloutId}: it ended long enough ago")]
    private partial void LogPruned(string rolloutId, int phaseIndex, int chunks);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not top up the stored sums of the running phases; trying again at the next interval")]
    private partial void LogTickFailed(Exception exception);
}
