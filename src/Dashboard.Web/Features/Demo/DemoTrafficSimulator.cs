using Dashboard.Infrastructure.Influx;
using Dashboard.Web.Features.Leadership;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Demo;

/// <summary>
/// Writes the demo's live traffic every <see cref="DemoOptions.Interval"/> through the bounded
/// <see cref="InfluxWriteBuffer"/>, so a slow or dead InfluxDB never blocks it or grows its memory.
/// Beside the live ticks it backfills missing history, retrying every 30 s until that succeeds. One writer per
/// deployment: it starts once this instance holds the automation lease and skips its ticks while it does not.
/// </summary>
public sealed partial class DemoTrafficSimulator(
    DemoTrafficSource source,
    DemoHistoryBackfill backfill,
    InfluxWriteBuffer buffer,
    IAutomationLease lease,
    IOptions<DemoOptions> options,
    TimeProvider timeProvider,
    ILogger<DemoTrafficSimulator> logger) : BackgroundService
{
    private static readonly TimeSpan BackfillRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>Queues the points of one interval ending at <paramref name="at"/>.</summary>
    public Task TickAsync(DateTimeOffset at, TimeSpan interval, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var points = source.Live(at, interval);
        foreach (var point in points)
        {
            buffer.TryEnqueue(point);
        }

        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Leave start-up before the first InfluxDB round trip.
        await Task.Yield();
        await lease.WaitUntilHeldAsync(stoppingToken);
        var interval = options.Value.Interval;
        var startedAt = timeProvider.GetUtcNow();
        LogStarted(logger, interval.TotalSeconds, options.Value.Service);

        // History runs beside the live ticks: a slow or failing backfill must not stall them.
        var history = options.Value.BackfillHours > 0 ? BackfillUntilDoneAsync(startedAt, stoppingToken) : Task.CompletedTask;
        using var timer = new PeriodicTimer(interval, timeProvider);
        try
        {
            do
            {
                try
                {
                    if (lease.IsHeld)
                    {
                        await TickAsync(timeProvider.GetUtcNow(), interval, stoppingToken).ConfigureAwait(false);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogTickFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }

        await history.ConfigureAwait(false);
    }

    private async Task BackfillUntilDoneAsync(DateTimeOffset until, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await backfill.RunAsync(until, stoppingToken).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogBackfillFailed(logger, BackfillRetryDelay.TotalSeconds, ex.Message);
            }

            try
            {
                await Task.Delay(BackfillRetryDelay, timeProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo traffic simulator writing every {IntervalSeconds} s as service {Service}")]
    private static partial void LogStarted(ILogger logger, double intervalSeconds, string service);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo history backfill failed, trying again in {RetrySeconds} s: {Reason}")]
    private static partial void LogBackfillFailed(ILogger logger, double retrySeconds, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo traffic tick failed; the simulator carries on")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
