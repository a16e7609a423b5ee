using Dashboard.Core.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Core.Tests.Metrics;

public sealed class TornReadRetryTests
{
    private static readonly TimeSpan Backoff = TimeSpan.FromMilliseconds(200);

    /// <summary>Answers the reads in order: true for a torn answer, false for a whole one.</summary>
    private sealed class Reads(params bool[] torn)
    {
        public int Count { get; private set; }

        public Task<(int Read, bool Torn)> NextAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var answer = (Count, torn[Math.Min(Count, torn.Length - 1)]);
            Count++;
            return Task.FromResult(answer);
        }
    }

    private static Task<(int Read, bool Torn)> ReadAsync(Reads reads, TimeProvider clock, CancellationToken cancellationToken = default) =>
        TornReadRetry.ReadAsync(reads.NextAsync, answer => answer.Torn, Backoff, clock, cancellationToken);

    [Fact]
    public async Task ReadAsync_WholeAnswer_ReadsOnceWithoutWaiting()
    {
        var reads = new Reads(false);

        var task = ReadAsync(reads, new FakeTimeProvider());

        Assert.True(task.IsCompletedSuccessfully);
        Assert.Equal((0, false), await task);
        Assert.Equal(1, reads.Count);
    }

    [Fact]
    public async Task ReadAsync_TornThenWhole_ReadsAgainOnlyAfterTheBackoff()
    {
        var clock = new FakeTimeProvider();
        var reads = new Reads(true, false);

        var task = ReadAsync(reads, clock);
        clock.Advance(Backoff - TimeSpan.FromTicks(1));
        var earlyReads = reads.Count;
        clock.Advance(TimeSpan.FromTicks(1));

        Assert.Equal(1, earlyReads);
        Assert.Equal((1, false), await task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, reads.Count);
    }

    [Fact]
    public async Task ReadAsync_AlwaysTorn_RereadsTwiceAndReturnsTheLastAnswer()
    {
        var reads = new Reads(true);

        var answer = await TornReadRetry.ReadAsync(reads.NextAsync, a => a.Torn, TimeSpan.Zero, TimeProvider.System, CancellationToken.None);

        Assert.Equal((2, true), answer);
        Assert.Equal(1 + TornReadRetry.MaxRereads, reads.Count);
        Assert.Equal(2, TornReadRetry.MaxRereads);
    }

    [Fact]
    public async Task ReadAsync_CancelledDuringBackoff_ThrowsWithoutReadingAgain()
    {
        using var cancellation = new CancellationTokenSource();
        var reads = new Reads(true);

        var task = ReadAsync(reads, new FakeTimeProvider(), cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.Equal(1, reads.Count);
    }
}
