using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;

namespace Dashboard.Web.Shared.Live;

/// <summary>
/// A background loop that acts on a change feed: it subscribes first, then sweeps once for what is already
/// due (work left over from before a restart), then takes the items the changes queue, one at a time. An item
/// already waiting is not queued twice. The queue is bounded; when it is full the loop sweeps again after the
/// item in hand, so nothing is lost — as it does after a sweep that failed. A failing item is logged and the
/// loop goes on; it stops only when the host stops.
/// </summary>
/// <typeparam name="TChange">What the feed says changed.</typeparam>
/// <typeparam name="TItem">What a change asks the watcher to do (e.g. a rollout id); equal items coalesce while waiting.</typeparam>
public abstract partial class ChangeWatcher<TChange, TItem> : BackgroundService
    where TItem : notnull
{
    /// <summary>How many distinct items may wait before the watcher falls back to a sweep.</summary>
    public const int DefaultCapacity = 1024;

    private readonly IChangeFeed<TChange> _feed;
    private readonly ILogger _logger;
    private readonly Channel<TItem> _queue;
    private readonly HashSet<TItem> _waiting = [];
    private readonly Lock _gate = new();
    private IDisposable? _subscription;
    private bool _sweepDue;

    protected ChangeWatcher(IChangeFeed<TChange> feed, ILogger logger, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _feed = feed;
        _logger = logger;
        _queue = Channel.CreateBounded<TItem>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
    }

    /// <summary>Whether <paramref name="change"/> asks for work, and which.</summary>
    protected abstract bool Selects(TChange change, [MaybeNullWhen(false)] out TItem item);

    /// <summary>What is due at start-up (or after an overflow), whatever changed before.</summary>
    protected abstract Task<IReadOnlyCollection<TItem>> SweepAsync(CancellationToken stoppingToken);

    /// <summary>Does the work of one item. An exception is logged and the loop goes on.</summary>
    protected abstract Task ProcessAsync(TItem item, CancellationToken stoppingToken);

    /// <summary>Waits for the next item to process; by default the next queued one.</summary>
    protected virtual async Task<TItem> WaitForNextAsync(CancellationToken stoppingToken) => Take(await _queue.Reader.ReadAsync(stoppingToken));

    /// <summary>Completes when an item is queued, without taking it.</summary>
    protected Task<bool> WaitForQueuedAsync(CancellationToken cancellationToken) => _queue.Reader.WaitToReadAsync(cancellationToken).AsTask();

    /// <summary>Drops every queued item (for a watcher whose next run covers them all).</summary>
    protected void DiscardQueued()
    {
        while (_queue.Reader.TryRead(out var item))
        {
            Take(item);
        }
    }

    // Subscribed before the start-up sweep, so a change saved meanwhile is queued, not missed.
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = _feed.Subscribe(OnChanged);
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        await base.StopAsync(cancellationToken);
    }

    /// <summary>
    /// Waits until this instance may act and returns a token cancelled when it may no longer (the automation lease,
    /// docs/high-availability.md); by default at once, for ever. Each turn starts with a sweep, so what happened between
    /// two turns, on whichever instance, is handled by the next. An item in hand when the turn ends is finished, not
    /// cut half-way; no other is started.
    /// </summary>
    protected virtual Task<CancellationToken> WaitForTurnAsync(CancellationToken stoppingToken) => Task.FromResult(CancellationToken.None);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Start-up goes on while the sweep runs.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            using var turn = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, await WaitForTurnAsync(stoppingToken));
            try
            {
                await ActAsync(turn.Token, stoppingToken);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The turn ended while waiting for work: the next turn starts with a sweep.
            }
        }
    }

    private async Task ActAsync(CancellationToken turnToken, CancellationToken stoppingToken)
    {
        await SweepAndProcessAsync(turnToken, stoppingToken);
        while (!turnToken.IsCancellationRequested)
        {
            await ProcessSafelyAsync(await WaitForNextAsync(turnToken), stoppingToken);
            if (TakeSweepDue())
            {
                await SweepAndProcessAsync(turnToken, stoppingToken);
            }
        }
    }

    private async Task SweepAndProcessAsync(CancellationToken turnToken, CancellationToken stoppingToken)
    {
        IReadOnlyCollection<TItem> due;
        try
        {
            due = await SweepAsync(stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogSweepFailed(ex, GetType().Name);
            lock (_gate)
            {
                _sweepDue = true;
            }

            return;
        }

        foreach (var item in due.TakeWhile(_ => !turnToken.IsCancellationRequested))
        {
            await ProcessSafelyAsync(item, stoppingToken);
        }
    }

    private async Task ProcessSafelyAsync(TItem item, CancellationToken stoppingToken)
    {
        try
        {
            await ProcessAsync(item, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogProcessFailed(ex, GetType().Name, item.ToString());
        }
    }

    // Raised on the publishing thread: only queue, never work here.
    private void OnChanged(TChange change)
    {
        if (!Selects(change, out var item))
        {
            return;
        }

        lock (_gate)
        {
            if (!_waiting.Add(item))
            {
                return;
            }

            if (!_queue.Writer.TryWrite(item))
            {
                _waiting.Remove(item);
                if (!_sweepDue)
                {
                    LogOverflow(GetType().Name);
                }

                _sweepDue = true;
            }
        }
    }

    private TItem Take(TItem item)
    {
        lock (_gate)
        {
            _waiting.Remove(item);
        }

        return item;
    }

    private bool TakeSweepDue()
    {
        lock (_gate)
        {
            var due = _sweepDue;
            _sweepDue = false;
            return due;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Watcher} could not handle {Item}; it goes on with the next")]
    private partial void LogProcessFailed(Exception exception, string watcher, string? item);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Watcher} could not sweep for due work; it sweeps again after the next change")]
    private partial void LogSweepFailed(Exception exception, string watcher);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Watcher} has too many changes waiting; it sweeps instead")]
    private partial void LogOverflow(string watcher);
}
