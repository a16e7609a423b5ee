using Dashboard.Core.Metrics;
using Dashboard.Infrastructure.Influx;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.LiveMetrics;

/// <summary>
/// The one shared poller: reads the dashboard's queries once per interval, whatever the number of
/// open pages, and publishes the result to every subscriber. Charts of long ranges are re-read only
/// when one of their buckets has passed, so a 36 h view costs one query every few minutes — unless a
/// range came back with missing buckets while its history was still being written
/// (<see cref="ChartReadSchedule"/>).
/// </summary>
public sealed partial class LiveMetricsPoller(
    IMetricsReader reader,
    IOptions<LiveMetricsOptions> options,
    StalenessRule staleness,
    TimeProvider timeProvider,
    ILogger<LiveMetricsPoller> logger) : BackgroundService, ILiveDashboardFeed
{
    private readonly LiveMetricsOptions _options = options.Value;
    private readonly ChartReadSchedule _chartSchedule = new(options.Value.PollInterval, staleness.MaxAge);
    private LiveDashboardState _current = LiveDashboardState.Initial;
    private long _pollCount;
    private long _chartReads;

    public LiveDashboardState Current => Volatile.Read(ref _current);

    /// <summary>How many polls have run since start (each reads one snapshot).</summary>
    public long PollCount => Interlocked.Read(ref _pollCount);

    /// <summary>How many chart ranges have been read since start.</summary>
    public long ChartReads => Interlocked.Read(ref _chartReads);

    public event Action<LiveDashboardState>? Changed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.PollInterval, timeProvider);
        try
        {
            do
            {
                await PollOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Runs one poll and publishes its result; never throws for an InfluxDB failure.</summary>
    public async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var previous = Current;
        LiveDashboardState next;
        try
        {
            var snapshot = await reader.ReadSnapshotAsync(_options.SnapshotWindow, cancellationToken);
            var charts = new Dictionary<ChartRange, ChartSeriesSet>(previous.Charts);
            foreach (var range in Enum.GetValues<ChartRange>())
            {
                var last = previous.Charts.GetValueOrDefault(range);
                if (_chartSchedule.IsDue(range, last, now))
                {
                    charts[range] = await reader.ReadChartsAsync(range, _options.ChartPoints, cancellationToken);
                    _chartSchedule.Record(range, last, charts[range]);
                    Interlocked.Increment(ref _chartReads);
                }
            }

            next = new LiveDashboardState
            {
                Snapshot = snapshot,
                Charts = charts,
                LastSuccessAt = now,
                LastAttemptAt = now,
                StaleReason = DescribeMissingData(snapshot, now),
            };
        }
        catch (Exception ex) when (ex is InfluxException or HttpRequestException or TimeoutException)
        {
            LogPollFailed(ex.Message);
            next = previous with { LastAttemptAt = now, StaleReason = DescribeFailure(ex) };
        }

        Interlocked.Increment(ref _pollCount);
        Publish(next);
    }

    private string? DescribeMissingData(MetricsSnapshot snapshot, DateTimeOffset now) => snapshot.NewestPointAt is { } newest
        ? staleness.Judge(newest, now)
        : $"No data in the last {FormatWindow(_options.SnapshotWindow)}";

    private static string DescribeFailure(Exception ex) => ex switch
    {
        InfluxUnavailableException => $"InfluxDB unreachable: {ex.Message}",
        InfluxException { StatusCode: { } status } influx => $"InfluxDB error {status}: {influx.ServerMessage ?? ex.Message}",
        InfluxException => $"InfluxDB query failed: {ex.Message}",
        _ => $"InfluxDB unreachable: {ex.Message}",
    };

    private static string FormatWindow(TimeSpan window) => window.TotalSeconds < 120
        ? $"{window.TotalSeconds:0} s"
        : window.TotalMinutes < 120 ? $"{window.TotalMinutes:0} min" : $"{window.TotalHours:0.#} h";

    private void Publish(LiveDashboardState state)
    {
        Volatile.Write(ref _current, state);
        var handlers = Changed;
        if (handlers is null)
        {
            return;
        }

        // One broken page must not stop the others from updating.
        foreach (var handler in handlers.GetInvocationList().Cast<Action<LiveDashboardState>>())
        {
            try
            {
                handler(state);
            }
            catch (Exception ex)
            {
                LogSubscriberFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live metrics poll failed: {Reason}")]
    private partial void LogPollFailed(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A live dashboard subscriber threw")]
    private partial void LogSubscriberFailed(Exception exception);
}
