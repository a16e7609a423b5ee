using Dashboard.Core.Metrics;
using Dashboard.Infrastructure.Influx;
using Dashboard.Web.Features.Leadership;
using Dashboard.Web.Shared.Live;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.LiveMetrics;

/// <summary>
/// The one shared poller: reads the dashboard's queries once per interval, whatever the number of
/// open pages, and publishes the result to every subscriber. Charts of long ranges are re-read only
/// when one of their buckets has passed, so a 36 h view costs one query every few minutes — unless a
/// range came back with missing buckets while its history was still being written
/// (<see cref="ChartReadSchedule"/>). With more than one instance it polls only while this instance holds the
/// <see cref="IAutomationLease"/>, and the <see cref="IInstanceBus"/> takes each state (and each chart range it re-read)
/// to the other instances' viewers, so InfluxDB's load is one poller's whatever the number of instances. A follower
/// whose states stop arriving shows its last one, which turns stale as the clock moves on, exactly as a stalled poller's
/// (docs/high-availability.md#bus).
/// </summary>
public sealed partial class LiveMetricsPoller : BackgroundService, ILiveDashboardFeed
{
    public const string StateChannel = "liveMetrics";
    public const string ChartChannel = "liveCharts";

    private readonly IMetricsReader reader;
    private readonly StalenessRule staleness;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<LiveMetricsPoller> logger;
    private readonly IAutomationLease lease;
    private readonly IInstanceBus bus;
    private readonly LiveMetricsOptions _options;
    private readonly ChartReadSchedule _chartSchedule;
    private readonly Lock _remoteGate = new();
    private LiveDashboardState _current = LiveDashboardState.Initial;
    private long _pollCount;
    private long _chartReads;

    public LiveMetricsPoller(
        IMetricsReader reader,
        IOptions<LiveMetricsOptions> options,
        StalenessRule staleness,
        TimeProvider timeProvider,
        ILogger<LiveMetricsPoller> logger,
        IAutomationLease? lease = null,
        IInstanceBus? bus = null)
    {
        this.reader = reader;
        this.staleness = staleness;
        this.timeProvider = timeProvider;
        this.logger = logger;
        this.lease = lease ?? new SingleInstanceLease();
        this.bus = bus ?? SingleInstanceBus.Instance;
        _options = options.Value;
        _chartSchedule = new(options.Value.PollInterval, staleness.MaxAge);
        this.bus.Subscribe<LiveDashboardState>(StateChannel, OnRemoteState);
        this.bus.Subscribe<ChartSeriesSet>(ChartChannel, OnRemoteChart);
    }

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
                // A follower reads nothing: the lease holder's states come over the bus.
                if (lease.IsHeld)
                {
                    await PollOnceAsync(stoppingToken);
                }
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
                    _chartSchedule.Record(range, last, charts[range], now);
                    Interlocked.Increment(ref _chartReads);

                    // Each range goes over the bus when it was read, not with every state: a 36 h chart is sent every few minutes.
                    bus.Publish(ChartChannel, range.ToString(), charts[range]);
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
        bus.Publish(StateChannel, "state", next with { Charts = new Dictionary<ChartRange, ChartSeriesSet>() });
    }

    // Another instance's poll: shown unless this one already has a newer (a repeat after a reconnect is older or equal).
    private void OnRemoteState(LiveDashboardState remote)
    {
        LiveDashboardState next;
        lock (_remoteGate)
        {
            var current = Current;
            if (remote.LastAttemptAt is not { } at || at <= current.LastAttemptAt)
            {
                return;
            }

            next = remote with { Charts = current.Charts };
            Volatile.Write(ref _current, next);
        }

        Publish(next);
    }

    private void OnRemoteChart(ChartSeriesSet chart)
    {
        LiveDashboardState next;
        lock (_remoteGate)
        {
            var current = Current;
            if (current.Charts.GetValueOrDefault(chart.Range) is { } shown && shown.To > chart.To)
            {
                return;
            }

            next = current with { Charts = new Dictionary<ChartRange, ChartSeriesSet>(current.Charts) { [chart.Range] = chart } };
            Volatile.Write(ref _current, next);
        }

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
