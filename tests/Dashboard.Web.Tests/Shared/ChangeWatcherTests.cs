using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using Dashboard.Web.Shared.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Web.Tests.Shared;

/// <summary>
/// <see cref="ChangeWatcher{TChange, TItem}"/> on a test feed: positive changes queue themselves as items,
/// and every item the watcher processes is reported on a channel the test reads with a deadline.
/// </summary>
public sealed class ChangeWatcherTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Start_SweepsFirst_ThenTakesQueuedChangesInOrder()
    {
        var feed = new TestChangeFeed();
        using var watcher = new RecordingWatcher(feed) { Due = [1, 2] };

        await watcher.StartAsync(CancellationToken.None);
        feed.Publish(3);
        feed.Publish(4);

        var processed = await watcher.ProcessedAsync(4);
        Assert.Equal([1, 2, 3, 4], processed);
        await watcher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ChangeSavedDuringTheSweep_IsQueuedNotMissed()
    {
        var feed = new TestChangeFeed();
        var sweeping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = new RecordingWatcher(feed)
        {
            Due = [1],
            BeforeSweep = async () =>
            {
                sweeping.SetResult();
                await release.Task;
            },
        };

        await watcher.StartAsync(CancellationToken.None);
        await sweeping.Task.WaitAsync(Deadline);
        feed.Publish(2);
        release.SetResult();

        var processed = await watcher.ProcessedAsync(2);
        Assert.Equal([1, 2], processed);
        await watcher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FailingItem_DoesNotStopTheLoop()
    {
        var feed = new TestChangeFeed();
        using var watcher = new RecordingWatcher(feed) { Failing = 1 };
        await watcher.StartAsync(CancellationToken.None);

        feed.Publish(1);
        feed.Publish(2);

        var processed = await watcher.ProcessedAsync(2);
        Assert.Equal([1, 2], processed);
        Assert.False(watcher.ExecuteTask!.IsCompleted);
        await watcher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FailingSweep_SweepsAgainAfterTheNextChange()
    {
        var feed = new TestChangeFeed();
        var sweeps = 0;
        using var watcher = new RecordingWatcher(feed)
        {
            Due = [1],
            BeforeSweep = () => ++sweeps == 1 ? Task.FromException(new InvalidOperationException("store locked")) : Task.CompletedTask,
        };
        await watcher.StartAsync(CancellationToken.None);

        feed.Publish(2);

        var processed = await watcher.ProcessedAsync(2);
        Assert.Equal([2, 1], processed);
        await watcher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task SameItemWhileItWaits_IsQueuedOnce()
    {
        var feed = new TestChangeFeed();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = new RecordingWatcher(feed) { Holding = (1, release.Task) };
        await watcher.StartAsync(CancellationToken.None);
        feed.Publish(1);
        await watcher.StartedAsync(1);

        feed.Publish(2);
        feed.Publish(2);
        feed.Publish(2);
        release.SetResult();
        feed.Publish(3);

        var processed = await watcher.ProcessedAsync(3);
        Assert.Equal([1, 2, 3], processed);
        await watcher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FullQueue_FallsBackToASweep_SoNothingIsLost()
    {
        var feed = new TestChangeFeed();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = new RecordingWatcher(feed, capacity: 1) { Holding = (1, release.Task), Due = [] };
        await watcher.StartAsync(CancellationToken.None);
        feed.Publish(1);
        await watcher.StartedAsync(1);

        feed.Publish(2);
        watcher.Due = [3];
        feed.Publish(3);
        release.SetResult();

        var processed = await watcher.ProcessedAsync(3);
        Assert.Equal([1, 3, 2], processed);
        await watcher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Stop_EndsTheLoop_AndUnsubscribes()
    {
        var feed = new TestChangeFeed();
        using var watcher = new RecordingWatcher(feed);
        await watcher.StartAsync(CancellationToken.None);
        Assert.Equal(1, feed.Subscribers);

        await watcher.StopAsync(CancellationToken.None).WaitAsync(Deadline);

        Assert.True(watcher.ExecuteTask!.IsCompleted);
        Assert.Equal(0, feed.Subscribers);
    }

    /// <summary>Positive changes are items; <see cref="Failing"/> throws, <see cref="Holding"/> waits for its task.</summary>
    private sealed class RecordingWatcher(TestChangeFeed feed, int capacity = ChangeWatcher<int, int>.DefaultCapacity)
        : ChangeWatcher<int, int>(feed, NullLogger.Instance, capacity)
    {
        private readonly Channel<int> _started = Channel.CreateUnbounded<int>();
        private readonly Channel<int> _processed = Channel.CreateUnbounded<int>();

        public IReadOnlyCollection<int> Due { get; set; } = [];

        public Func<Task> BeforeSweep { get; init; } = () => Task.CompletedTask;

        public int? Failing { get; init; }

        public (int Item, Task Release)? Holding { get; init; }

        public async Task<int[]> ProcessedAsync(int count)
        {
            using var deadline = new CancellationTokenSource(Deadline);
            var items = new int[count];
            for (var i = 0; i < count; i++)
            {
                items[i] = await _processed.Reader.ReadAsync(deadline.Token);
            }

            return items;
        }

        public async Task StartedAsync(int item)
        {
            using var deadline = new CancellationTokenSource(Deadline);
            while (await _started.Reader.ReadAsync(deadline.Token) != item)
            {
            }
        }

        protected override bool Selects(int change, [MaybeNullWhen(false)] out int item)
        {
            item = change;
            return change > 0;
        }

        protected override async Task<IReadOnlyCollection<int>> SweepAsync(CancellationToken stoppingToken)
        {
            await BeforeSweep();
            return Due;
        }

        protected override async Task ProcessAsync(int item, CancellationToken stoppingToken)
        {
            _started.Writer.TryWrite(item);
            try
            {
                if (Holding is { } holding && holding.Item == item)
                {
                    await holding.Release.WaitAsync(stoppingToken);
                }

                if (item == Failing)
                {
                    throw new InvalidOperationException($"item {item} fails");
                }
            }
            finally
            {
                _processed.Writer.TryWrite(item);
            }
        }
    }
}
