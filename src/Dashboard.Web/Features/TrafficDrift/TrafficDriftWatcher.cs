using System.Threading.Channels;
using Dashboard.Web.Features.Rollouts;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.TrafficDrift;

/// <summary>
/// Runs <see cref="TrafficDriftMonitor.CheckAsync"/> at start-up (in the background, retrying a few
/// times with backoff while the router or the state store cannot be read), then every
/// <c>Routing:DriftCheckInterval</c> and shortly after every saved rollout change.
/// </summary>
public sealed partial class TrafficDriftWatcher(
    TrafficDriftMonitor monitor,
    RolloutChangeFeed feed,
    IOptions<TrafficDriftOptions> options,
    TimeProvider timeProvider,
    ILogger<TrafficDriftWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan[] StartupRetryDelays = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16)];

    // A command publishes once when saved and again when its traffic change settles; checking between
    // the two would report the change in flight as drift, so a check waits until the changes go quiet.
    private static readonly TimeSpan SettleDelay = TimeSpan.FromSeconds(1);

    private readonly Channel<RolloutChanged> changes = Channel.CreateBounded<RolloutChanged>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public override Task StartAsync(CancellationToken cancellationToken)
    {
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
        // Start-up goes on while the first check runs; the report stays NotChecked until it ends.
        await Task.Yield();
        await CheckWithStartupRetriesAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (await WaitForNextCheckAsync(stoppingToken))
            {
                await Task.Delay(SettleDelay, timeProvider, stoppingToken);
                while (changes.Reader.TryRead(out _))
                {
                }
            }

            await CheckAsync(stoppingToken);
        }
    }

    private async Task CheckWithStartupRetriesAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var report = await CheckAsync(stoppingToken);
            if (report?.Kind is not (TrafficDriftKind.RouterUnreadable or TrafficDriftKind.StateUnreadable) || attempt == StartupRetryDelays.Length)
            {
                return;
            }

            LogStartupRetry(report.Kind, StartupRetryDelays[attempt]);
            await Task.Delay(StartupRetryDelays[attempt], timeProvider, stoppingToken);
        }
    }

    /// <summary>True when a rollout change woke it, false when the interval passed.</summary>
    private async Task<bool> WaitForNextCheckAsync(CancellationToken stoppingToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var due = Task.Delay(options.Value.DriftCheckInterval, timeProvider, waiting.Token);
        var changed = changes.Reader.WaitToReadAsync(waiting.Token).AsTask();
        var first = await Task.WhenAny(due, changed);
        await waiting.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
        return first == changed;
    }

    /// <summary>The monitor reports every failure it expects; anything else is logged here so it never stops the host.</summary>
    private async Task<TrafficDriftReport?> CheckAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await monitor.CheckAsync(stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogCheckFailed(ex);
            return null;
        }
    }

    private void OnChanged(RolloutChanged change) => changes.Writer.TryWrite(change);

    [LoggerMessage(Level = LogLevel.Information, Message = "Traffic drift check at start-up found {Kind}; trying again in {Delay}")]
    private partial void LogStartupRetry(TrafficDriftKind kind, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Traffic drift check failed unexpectedly")]
    private partial void LogCheckFailed(Exception exception);
}
