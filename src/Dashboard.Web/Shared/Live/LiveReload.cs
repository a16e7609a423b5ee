using Dashboard.Infrastructure.Persistence;

namespace Dashboard.Web.Shared.Live;

/// <summary>
/// Keeps a component in step with saved state: every change on the feed that <c>follows</c> accepts re-reads
/// through <c>reload</c> on the component's renderer (<c>invokeAsync</c>) and then renders. Reloads never
/// overlap, and a burst of changes costs at most two reads — the one running and one queued behind it, which
/// starts after the last change it stands for and so reads the latest saved state. The component's own
/// reloads (first load, new parameters, after an action) go through <see cref="ReloadAsync"/> for the same
/// guarantees. Dispose it with the component: it unsubscribes, and a change that arrives later reads nothing.
/// A read that meets a state store that does not answer (<see cref="StateStoreUnreachable"/>) is no failure: the
/// component keeps what it last read — the banner on every page says the store is unreachable — and its circuit
/// lives on (a failure would end it, and an open page or the war-room TV would need a touch). The next change or new
/// parameters read again (docs/high-availability.md, "PostgreSQL is down").
/// </summary>
/// <typeparam name="TChange">What the feed says changed.</typeparam>
public sealed class LiveReload<TChange> : IDisposable
{
    private readonly Func<TChange, bool> _follows;
    private readonly Func<Task> _reload;
    private readonly Func<Func<Task>, Task> _invokeAsync;
    private readonly Action _render;
    private readonly Func<Exception, Task> _fail;
    private readonly IDisposable _subscription;
    private readonly Lock _gate = new();
    private bool _running;
    private TaskCompletionSource? _queued;
    private bool _disposed;
    private ShownKey? _loadedFor;
    private bool _lastReadMissed;

    /// <param name="feed">The feed to follow; subscribed at once.</param>
    /// <param name="follows">Which changes concern the component (it is asked on the publishing thread).</param>
    /// <param name="reload">Re-reads the component's state; runs on the renderer, never twice at once.</param>
    /// <param name="invokeAsync">The component's <c>InvokeAsync</c>, to run on its renderer.</param>
    /// <param name="render">The component's <c>StateHasChanged</c>, after a reload that a change asked for.</param>
    /// <param name="fail">The component's <c>DispatchExceptionAsync</c>: a reload a change asked for that throws is
    /// handled like a lifecycle method's exception, never dropped unseen.</param>
    public LiveReload(
        IChangeFeed<TChange> feed,
        Func<TChange, bool> follows,
        Func<Task> reload,
        Func<Func<Task>, Task> invokeAsync,
        Action render,
        Func<Exception, Task> fail)
    {
        _follows = follows;
        _reload = reload;
        _invokeAsync = invokeAsync;
        _render = render;
        _fail = fail;
        _subscription = feed.Subscribe(OnChanged);
    }

    /// <summary>
    /// Re-reads now, or — when a reload is running — once it ends, together with everyone else who asked
    /// meanwhile. Completes when a read that started after this call has finished (its exception, if any).
    /// </summary>
    public Task ReloadAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return Task.CompletedTask;
            }

            if (_running)
            {
                _queued ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                return _queued.Task;
            }

            _running = true;
        }

        return RunAsync();
    }

    /// <summary>
    /// The first load and new parameters: reloads unless the last load asked through here was for the same
    /// <paramref name="key"/> (the rollout the component shows), so a re-render of the parent reads nothing. A load
    /// that throws is forgotten, and the next parameters for that key try again.
    /// </summary>
    public async Task ReloadForAsync(object? key)
    {
        if (_loadedFor is { } loaded && Equals(loaded.Key, key))
        {
            return;
        }

        _loadedFor = new ShownKey(key);
        try
        {
            await ReloadAsync();
            if (Volatile.Read(ref _lastReadMissed))
            {
                _loadedFor = null;
            }
        }
        catch
        {
            _loadedFor = null;
            throw;
        }
    }

    public void Dispose()
    {
        _subscription.Dispose();
        TaskCompletionSource? queued;
        lock (_gate)
        {
            _disposed = true;
            queued = _queued;
            _queued = null;
        }

        queued?.TrySetResult();
    }

    // The caller's read runs inline (a first render that completes synchronously stays synchronous); the
    // queued read runs after it, in the background, and completes the task its askers wait on.
    private async Task RunAsync()
    {
        try
        {
            await ReadAsync();
        }
        finally
        {
            _ = RunQueuedAsync();
        }
    }

    // Never throws: each queued read's outcome goes to the task its askers wait on.
    private async Task RunQueuedAsync()
    {
        while (TakeQueued() is { } queued)
        {
            try
            {
                await ReadAsync();
                queued.TrySetResult();
            }
            catch (Exception ex)
            {
                queued.TrySetException(ex);
            }
        }
    }

    private async Task ReadAsync()
    {
        try
        {
            await _reload();
            Volatile.Write(ref _lastReadMissed, false);
        }
        catch (Exception ex) when (StateStoreUnreachable.Is(ex))
        {
            Volatile.Write(ref _lastReadMissed, true);
        }
    }

    private TaskCompletionSource? TakeQueued()
    {
        lock (_gate)
        {
            var queued = _disposed ? null : _queued;
            _queued = null;
            _running = queued is not null;
            return queued;
        }
    }

    private void OnChanged(TChange change)
    {
        if (!_follows(change))
        {
            return;
        }

        _ = _invokeAsync(async () =>
        {
            try
            {
                await ReloadAsync();
            }
            catch (Exception ex)
            {
                await _fail(ex);
                return;
            }

            if (!Volatile.Read(ref _disposed) && !Volatile.Read(ref _lastReadMissed))
            {
                _render();
            }
        });
    }

    // A key may be null (a component that follows the latest rollout): the wrapper tells "loaded for null" from "never loaded".
    private sealed record ShownKey(object? Key);
}
