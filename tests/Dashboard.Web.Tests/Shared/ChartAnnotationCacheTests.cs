using Dashboard.Web.Shared.Charts;
using Dashboard.Web.Shared.Live;

namespace Dashboard.Web.Tests.Shared;

public sealed class ChartAnnotationCacheTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ManyChartsAskingForRangesInsideOneRead_CostOneRead_AndEachGetsItsRange()
    {
        var source = new CountingSource(Mark(T0.AddMinutes(5)), Mark(T0.AddMinutes(20)), Mark(T0.AddMinutes(50)));
        using var cache = new ChartAnnotationCache(source);

        var first = await cache.ReadAsync(T0, T0.AddMinutes(30), rolloutId: null);
        var later = await cache.ReadAsync(T0.AddMinutes(10), T0.AddMinutes(60), rolloutId: null);
        var fifty = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => cache.ReadAsync(T0.AddMinutes(1), T0.AddMinutes(30), rolloutId: null)));

        Assert.Equal(1, source.Reads);
        Assert.Equal([T0.AddMinutes(5), T0.AddMinutes(20)], first.Select(a => a.At));
        Assert.Equal([T0.AddMinutes(20), T0.AddMinutes(50)], later.Select(a => a.At));
        Assert.All(fifty, range => Assert.Equal([T0.AddMinutes(5), T0.AddMinutes(20)], range.Select(a => a.At)));
    }

    [Fact]
    public async Task AfterASavedChange_TheNextAskReadsAgain_AndSeesTheNewMark()
    {
        var source = new CountingSource(Mark(T0.AddMinutes(5)));
        using var cache = new ChartAnnotationCache(source);
        await cache.ReadAsync(T0, T0.AddMinutes(30), rolloutId: null);

        source.Add(Mark(T0.AddMinutes(7)));
        source.Feed.Publish(Guid.NewGuid());
        var after = await cache.ReadAsync(T0, T0.AddMinutes(30), rolloutId: null);

        Assert.Equal(2, source.Reads);
        Assert.Equal([T0.AddMinutes(5), T0.AddMinutes(7)], after.Select(a => a.At));
    }

    [Fact]
    public async Task ARangeStartingEarlier_OrAnotherRollout_ReadsAgain()
    {
        var source = new CountingSource(Mark(T0.AddMinutes(5)));
        using var cache = new ChartAnnotationCache(source);

        await cache.ReadAsync(T0.AddMinutes(10), T0.AddMinutes(30), rolloutId: null);
        var earlier = await cache.ReadAsync(T0, T0.AddMinutes(30), rolloutId: null);
        await cache.ReadAsync(T0, T0.AddMinutes(30), Guid.NewGuid());

        Assert.Equal(3, source.Reads);
        Assert.Single(earlier);
    }

    [Fact]
    public async Task AFailedRead_IsNotKept()
    {
        var source = new CountingSource(Mark(T0)) { FailNext = true };
        using var cache = new ChartAnnotationCache(source);

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.ReadAsync(T0, T0.AddMinutes(30), rolloutId: null));
        var again = await cache.ReadAsync(T0, T0.AddMinutes(30), rolloutId: null);

        Assert.Single(again);
        Assert.Equal(2, source.Reads);
    }

    private static ChartAnnotation Mark(DateTimeOffset at) => new(at, ChartAnnotationKind.Hold, "hold", "held");

    private sealed class CountingSource(params ChartAnnotation[] marks) : IChartAnnotationSource
    {
        private readonly List<ChartAnnotation> _marks = [.. marks];
        private int _reads;

        public TestChangeFeed<Guid> Feed { get; } = new();

        public IChangeFeed<Guid> Changes => Feed;

        public int Reads => Volatile.Read(ref _reads);

        public bool FailNext { get; set; }

        public void Add(ChartAnnotation mark) => _marks.Add(mark);

        public async Task<IReadOnlyList<ChartAnnotation>> ReadAsync(DateTimeOffset from, DateTimeOffset to, Guid? rolloutId, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            await Task.Yield();
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("store locked");
            }

            return [.. _marks.Where(m => m.At >= from && m.At <= to).OrderBy(m => m.At)];
        }
    }
}
