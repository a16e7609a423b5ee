using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;

namespace Dashboard.Web.Features.Demo;

/// <summary>
/// Puts the <see cref="DemoTrafficSplit"/> (the built-in router's state, which lives in memory) back on
/// the weight of record at start-up — in <see cref="StartingAsync"/>, which the host runs before any
/// hosted service starts, so before the simulator writes or the drift check reads the split: the
/// <see cref="Rollout.CanaryWeightPercent"/> of the rollout that started last, as the drift check
/// compares it. Only without any rollout of record does the split keep <c>Demo:CanaryWeightPercent</c>.
/// Without this a restart came back at the configured 1 % under a rollout recorded at 0 % or 10 %,
/// and the drift banner reported a drift nobody caused.
/// </summary>
public sealed partial class DemoTrafficSplitRestorer(RolloutStore store, DemoTrafficSplit split, ILogger<DemoTrafficSplitRestorer> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        RolloutSnapshot? ofRecord;
        try
        {
            ofRecord = await store.FindLatestStartedAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The drift check reads the store again (with retries) and reports what it finds; the app still starts.
            LogStoreUnreadable(ex, split.CanaryWeightPercent);
            return;
        }

        if (ofRecord is null)
        {
            LogNothingRecorded(split.CanaryWeightPercent);
            return;
        }

        split.SetCanaryWeight(ofRecord.CanaryWeightPercent);
        LogRestored(ofRecord.CanaryWeightPercent, ofRecord.Id);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Built-in traffic split starts at {Percent} % canary, the weight of record of rollout {RolloutId}")]
    private partial void LogRestored(int percent, Guid rolloutId);

    [LoggerMessage(Level = LogLevel.Information, Message = "No rollout has started; the built-in traffic split starts at the configured {Percent} % canary")]
    private partial void LogNothingRecorded(double percent);

    [LoggerMessage(Level = LogLevel.Error, Message = "The state store could not be read at start-up; the built-in traffic split starts at the configured {Percent} % canary")]
    private partial void LogStoreUnreadable(Exception exception, double percent);
}
