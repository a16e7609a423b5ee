using System.Threading.Channels;
using Dashboard.Web.Shared.Live;

namespace Dashboard.Web.Tests.Shared;

/// <summary>
/// <see cref="LiveReload{TChange}"/> without a renderer: "invoke" runs the work inline on the publishing
/// thread, each read waits until the test releases it, and every wait is on a signal with a deadline.
/// </summary>
public sealed class LiveReloadTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task BurstOfChangesDuringAReload_CostsOneMoreReload()
    {
        var reads = new GatedReads();
        var feed = new TestChangeFeed();
        var rendered = Channel.CreateUnbounded<int>();
        using var live = new LiveReload<int>(feed, _ => true, reads.ReadAsync, Inline, () => rendered.Writer.TryWrite(0), Rethrow);

        var first = live.ReloadAsync();
        var firstRead = await reads.NextAsync();
        for (var change = 1; change <= 5; change++)
        {
            feed.Publish(change);
        }

        firstRead.SetResult();
        (await reads.NextAsync()).SetResult();
        await first.WaitAsync(Deadline);
        await SignalsAsync(rendered, 5);

        Assert.Equal((2, 1), (reads.Count, reads.MostAtOnce));
        Assert.False(reads.Started.Reader.TryRead(out _));
    }

    [Fact]
    public async Task ReloadAsked_WhileOneRuns_CompletesAfterAReadThatStartedLater()
    {
        var reads = new GatedReads();
        using var live = new LiveReload<int>(new TestChangeFeed(), _ => true, reads.ReadAsync, Inline, () => { }, Rethrow);

        var running = live.ReloadAsync();
        var runningRead = await reads.NextAsync();
        var asked = live.ReloadAsync();
        runningRead.SetResult();
        await running.WaitAsync(Deadline);
        var laterRead = await reads.NextAsync();

        Assert.False(asked.IsCompleted);
        laterRead.SetResult();
        await asked.WaitAsync(Deadline);
    }

    [Fact]
    public async Task ChangesFromManyThreads_NeverOverlap_AndTheLastReadSeesTheLastChange()
    {
        const int Threads = 4, PerThread = 50;
        var feed = new TestChangeFeed();
        var rendered = Channel.CreateUnbounded<int>();
        var published = 0;
        var active = 0;
        var mostAtOnce = 0;
        var lastSeen = 0;
        async Task ReadAsync()
        {
            var now = Interlocked.Increment(ref active);
            InterlockedMax(ref mostAtOnce, now);
            InterlockedMax(ref lastSeen, Volatile.Read(ref published));
            await Task.Yield();
            Interlocked.Decrement(ref active);
        }

        using var live = new LiveReload<int>(feed, _ => true, ReadAsync, Inline, () => rendered.Writer.TryWrite(0), Rethrow);
        await Task.WhenAll(Enumerable.Range(0, Threads).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                feed.Publish(Interlocked.Increment(ref published));
            }
        })));
        await SignalsAsync(rendered, Threads * PerThread);

        Assert.Equal(1, mostAtOnce);
        Assert.Equal(Threads * PerThread, Volatile.Read(ref lastSeen));
    }

    [Fact]
    public async Task ChangeTheComponentDoesNotFollow_ReadsNothing()
    {
        var reads = 0;
        var feed = new TestChangeFeed();
        var rendered = Channel.CreateUnbounded<int>();
        using var live = new LiveReload<int>(
            feed, change => change == 42, () => { reads++; return Task.CompletedTask; }, Inline, () => rendered.Writer.TryWrite(0), Rethrow);

        feed.Publish(7);
        feed.Publish(42);
        await SignalsAsync(rendered, 1);

        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task Dispose_Unsubscribes_AndSkipsTheQueuedReload()
    {
        var reads = new GatedReads();
        var feed = new TestChangeFeed();
        var live = new LiveReload<int>(feed, _ => true, reads.ReadAsync, Inline, () => { }, Rethrow);
        var running = live.ReloadAsync();
        var runningRead = await reads.NextAsync();
        var queued = live.ReloadAsync();

        live.Dispose();
        runningRead.SetResult();
        await Task.WhenAll(running, queued).WaitAsync(Deadline);
        feed.Publish(1);
        await live.ReloadAsync().WaitAsync(Deadline);

        Assert.Equal(0, feed.Subscribers);
        Assert.Equal(1, reads.Count);
    }

    [Fact]
    public async Task FailingReload_GoesToTheComponent_AndTheNextChangeReadsAgain()
    {
        var feed = new TestChangeFeed();
        var failures = Channel.CreateUnbounded<Exception>();
        var rendered = Channel.CreateUnbounded<int>();
        var reads = 0;
        Task ReadAsync() => ++reads == 1 ? Task.FromException(new InvalidOperationException("store locked")) : Task.CompletedTask;
        using var live = new LiveReload<int>(
            feed, _ => true, ReadAsync, Inline, () => rendered.Writer.TryWrite(0), ex => { failures.Writer.TryWrite(ex); return Task.CompletedTask; });

        feed.Publish(1);
        var failure = await failures.Reader.ReadAsync().AsTask().WaitAsync(Deadline);
        feed.Publish(2);
        await SignalsAsync(rendered, 1);

        Assert.Equal("store locked", failure.Message);
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task ReloadFor_TheSameKeyAgain_ReadsOnce_AndAnotherKeyOrNullReadsAgain()
    {
        var reads = 0;
        using var live = new LiveReload<int>(new TestChangeFeed(), _ => true, () => { reads++; return Task.CompletedTask; }, Inline, () => { }, Rethrow);
        var shown = Guid.NewGuid();

        await live.ReloadForAsync(shown);
        await live.ReloadForAsync(shown);
        var afterSameKey = reads;
        await live.ReloadForAsync(Guid.NewGuid());
        await live.ReloadForAsync(null);
        await live.ReloadForAsync(null);

        Assert.Equal(1, afterSameKey);
        Assert.Equal(3, reads);
    }

    [Fact]
    public async Task ReloadFor_ALoadThatThrew_IsTriedAgainForTheSameKey()
    {
        var reads = 0;
        Task ReadAsync() => ++reads == 1 ? Task.FromException(new InvalidOperationException("store locked")) : Task.CompletedTask;
        using var live = new LiveReload<int>(new TestChangeFeed(), _ => true, ReadAsync, Inline, () => { }, Rethrow);
        var shown = Guid.NewGuid();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => live.ReloadForAsync(shown));
        await live.ReloadForAsync(shown);
        await live.ReloadForAsync(shown);

        Assert.Equal("store locked", failure.Message);
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task ChangeReload_MeetingAnUnreachableStateStore_IsNoFailure_AndTheNextChangeReadsAndRendersAgain()
    {
        var feed = new TestChangeFeed();
        var rendered = Channel.CreateUnbounded<int>();
        var failures = 0;
        var reads = Channel.CreateUnbounded<int>();
        var count = 0;
        Task ReadAsync()
        {
            reads.Writer.TryWrite(++count);
            return count == 1 ? Task.FromException(Unreachable()) : Task.CompletedTask;
        }

        using var live = new LiveReload<int>(
            feed, _ => true, ReadAsync, Inline, () => rendered.Writer.TryWrite(0), _ => { failures++; return Task.CompletedTask; });

        feed.Publish(1);
        await SignalsAsync(reads, 1);
        feed.Publish(2);
        await SignalsAsync(rendered, 1);

        Assert.Equal((0, 2), (failures, count));
        Assert.False(rendered.Reader.TryRead(out _));
    }

    [Fact]
    public async Task ReloadFor_ALoadThatMetAnUnreachableStateStore_CompletesAndIsTriedAgainForTheSameKey()
    {
        var reads = 0;
        Task ReadAsync() => ++reads == 1 ? Task.FromException(Unreachable()) : Task.CompletedTask;
        using var live = new LiveReload<int>(new TestChangeFeed(), _ => true, ReadAsync, Inline, () => { }, Rethrow);
        var shown = Guid.NewGuid();

        await live.ReloadForAsync(shown);
        await live.ReloadForAsync(shown);
        await live.ReloadForAsync(shown);

        Assert.Equal(2, reads);
    }

    // As EF Core reports a PostgreSQL that does not answer: its own exception around Npgsql's.
    private static InvalidOperationException Unreachable() =>
        new("transient failure", new Npgsql.NpgsqlException("Failed to connect to 127.0.0.1:5432"));

    private static Task Inline(Func<Task> work) => work();

    private static Task Rethrow(Exception exception) => Task.FromException(exception);

    private static async Task SignalsAsync(Channel<int> signals, int count)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        for (var i = 0; i < count; i++)
        {
            await signals.Reader.ReadAsync(deadline.Token);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var now && now != seen)
        {
            seen = now;
        }
    }

    /// <summary>Reads that each wait until the test releases them, counting how many ran and how many at once.</summary>
    private sealed class GatedReads
    {
        private int _active;
        private int _count;
        private int _mostAtOnce;

        public Channel<TaskCompletionSource> Started { get; } = Channel.CreateUnbounded<TaskCompletionSource>();

        public int Count => Volatile.Read(ref _count);

        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

        public async Task ReadAsync()
        {
            InterlockedMax(ref _mostAtOnce, Interlocked.Increment(ref _active));
            Interlocked.Increment(ref _count);
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Started.Writer.TryWrite(release);
            await release.Task;
            Interlocked.Decrement(ref _active);
        }

        public async Task<TaskCompletionSource> NextAsync() => await Started.Reader.ReadAsync().AsTask().WaitAsync(Deadline);
    }
}
