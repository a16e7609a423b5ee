using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Influx;

/// <summary>
/// Sends the <see cref="InfluxWriteBuffer"/> in batches of <see cref="InfluxOptions.WriteBatchSize"/>,
/// at the latest <see cref="InfluxOptions.FlushInterval"/> after a batch's first point. A batch that
/// fails for a transient reason (unreachable, 429, 5xx) is retried with capped backoff until it goes
/// through, while producers keep queueing (and the buffer drops its oldest points if it fills).
/// A batch the server refuses for good (bad request, unauthorized, partial write) is logged and dropped.
/// </summary>
public sealed partial class InfluxWriteBufferFlusher(
    InfluxWriteBuffer buffer,
    IInfluxClient client,
    IOptions<InfluxOptions> options,
    ILogger<InfluxWriteBufferFlusher> logger,
    TimeProvider timeProvider) : BackgroundService
{
    private readonly InfluxOptions _options = options.Value;
    private readonly RetryBackoff _backoff = new(options.Value);

    private long _written;
    private volatile bool _draining;

    /// <summary>Points the server has accepted since start.</summary>
    public long WrittenCount => Interlocked.Read(ref _written);

    /// <summary>
    /// Stops taking points and writes what is queued, one attempt per batch (no waiting out a dead
    /// server), within the host's shutdown timeout.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _draining = true;
        buffer.Complete();
        if (ExecuteTask is { } running)
        {
            await Task.WhenAny(running, Task.Delay(Timeout.InfiniteTimeSpan, timeProvider, cancellationToken)).ConfigureAwait(false);
        }

        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<InfluxPoint>(_options.WriteBatchSize);
        try
        {
            while (await FillBatchAsync(batch, stoppingToken).ConfigureAwait(false))
            {
                await WriteUntilDoneAsync(batch, stoppingToken).ConfigureAwait(false);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogStoppedWithPending(logger, batch.Count + buffer.Count);
        }
    }

    /// <summary>Waits for a first point, then collects until the batch is full or the interval ends.</summary>
    private async Task<bool> FillBatchAsync(List<InfluxPoint> batch, CancellationToken stoppingToken)
    {
        var reader = buffer.Reader;
        if (!await reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
        {
            return false;
        }

        using var interval = new CancellationTokenSource(_options.FlushInterval, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, interval.Token);
        while (batch.Count < _options.WriteBatchSize)
        {
            while (batch.Count < _options.WriteBatchSize && reader.TryRead(out var point))
            {
                batch.Add(point);
            }

            if (batch.Count >= _options.WriteBatchSize)
            {
                break;
            }

            try
            {
                if (!await reader.WaitToReadAsync(linked.Token).ConfigureAwait(false))
                {
                    break;
                }
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }

        return batch.Count > 0;
    }

    private async Task WriteUntilDoneAsync(List<InfluxPoint> batch, CancellationToken stoppingToken)
    {
        for (var round = 0; ; round++)
        {
            try
            {
                await client.WriteAsync(batch, stoppingToken).ConfigureAwait(false);
                Interlocked.Add(ref _written, batch.Count);
                return;
            }
            catch (InfluxPartialWriteException ex)
            {
                // The good points are stored; sending them again would only repeat the refusal.
                LogPartialWrite(logger, batch.Count, ex.DroppedPoints, ex.ServerMessage);
                return;
            }
            catch (Exception ex) when (ex is InfluxBadRequestException or InfluxUnauthorizedException or InfluxDatabaseNotFoundException or InfluxRequestTooLargeException or ArgumentException)
            {
                LogBatchRefused(logger, ex, batch.Count);
                return;
            }
            catch (InfluxException ex) when (_draining)
            {
                LogDroppedAtShutdown(logger, batch.Count, ex.Message);
                return;
            }
            catch (InfluxException ex)
            {
                var delay = _backoff.Delay(round, null);
                LogBatchDeferred(logger, batch.Count, delay.TotalMilliseconds, ex.Message);
                await Task.Delay(delay, timeProvider, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "InfluxDB partially refused a batch of {Count} points (dropped {Dropped}); the stored points are not resent: {ServerMessage}")]
    private static partial void LogPartialWrite(ILogger logger, int count, int? dropped, string? serverMessage);

    [LoggerMessage(Level = LogLevel.Error, Message = "InfluxDB refused a batch of {Count} points for good; it is dropped")]
    private static partial void LogBatchRefused(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "InfluxDB write of {Count} points failed; trying again in {DelayMs:0} ms: {Reason}")]
    private static partial void LogBatchDeferred(ILogger logger, int count, double delayMs, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "InfluxDB write of {Count} points failed during shutdown; they are dropped: {Reason}")]
    private static partial void LogDroppedAtShutdown(ILogger logger, int count, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "InfluxDB write buffer stopped with {Count} points not written")]
    private static partial void LogStoppedWithPending(ILogger logger, int count);
}
