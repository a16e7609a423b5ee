using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Influx;

/// <summary>
/// A bounded queue of points waiting for <see cref="InfluxWriteBufferFlusher"/>. Producers never
/// block: when the queue is full the OLDEST point is dropped and counted, so a slow or dead server
/// costs at most <see cref="InfluxOptions.WriteBufferCapacity"/> points (plus the one batch being
/// sent) of memory, and the newest data — the data a war room looks at — survives.
/// </summary>
public sealed partial class InfluxWriteBuffer
{
    private static readonly TimeSpan DropLogInterval = TimeSpan.FromSeconds(10);

    private readonly Channel<InfluxPoint> _channel;
    private readonly ILogger<InfluxWriteBuffer> _logger;
    private readonly TimeProvider _timeProvider;
    private long _droppedCount;
    private long _lastDropLogTimestamp;
    private long _droppedAtLastLog;

    public InfluxWriteBuffer(IOptions<InfluxOptions> options, ILogger<InfluxWriteBuffer> logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        _timeProvider = timeProvider;
        Capacity = options.Value.WriteBufferCapacity;
        _channel = Channel.CreateBounded<InfluxPoint>(
            new BoundedChannelOptions(Capacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleReader = true,
                SingleWriter = false,
            },
            OnDropped);
        _lastDropLogTimestamp = timeProvider.GetTimestamp() - (long)(DropLogInterval.TotalSeconds * timeProvider.TimestampFrequency);
    }

    public int Capacity { get; }

    /// <summary>Points waiting in the queue now (not counting a batch being sent).</summary>
    public int Count => _channel.Reader.Count;

    /// <summary>Points dropped since start because the queue was full.</summary>
    public long DroppedCount => Interlocked.Read(ref _droppedCount);

    internal ChannelReader<InfluxPoint> Reader => _channel.Reader;

    /// <summary>
    /// Queues a point; returns false only after shutdown. A point without fields is refused with an
    /// <see cref="ArgumentException"/> here, so that it cannot fail a whole batch later.
    /// </summary>
    public bool TryEnqueue(InfluxPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        LineProtocol.ValidateHasFields(point);
        return _channel.Writer.TryWrite(point);
    }

    /// <summary>Stops accepting points; the flusher drains what is left.</summary>
    internal void Complete() => _channel.Writer.TryComplete();

    private void OnDropped(InfluxPoint point)
    {
        var dropped = Interlocked.Increment(ref _droppedCount);
        var now = _timeProvider.GetTimestamp();
        var last = Interlocked.Read(ref _lastDropLogTimestamp);
        if (_timeProvider.GetElapsedTime(last, now) >= DropLogInterval
            && Interlocked.CompareExchange(ref _lastDropLogTimestamp, now, last) == last)
        {
            var sinceLastLog = dropped - Interlocked.Exchange(ref _droppedAtLastLog, dropped);
            LogDropped(_logger, sinceLastLog, dropped, Capacity, point.Measurement);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "InfluxDB write buffer is full ({Capacity} points): dropped {Recent} oldest points recently, {Total} since start (latest from {Measurement})")]
    private static partial void LogDropped(ILogger logger, long recent, long total, int capacity, string measurement);
}
