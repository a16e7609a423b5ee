using Dashboard.Web.Shared.Live;

namespace Dashboard.Web.Shared.Charts;

/// <summary>
/// Reads a source's annotations once per saved change instead of once per chart per viewer: every open chart
/// re-asked the state store for its range after each change and each chart refresh (four charts a page, so
/// 200 reads for 50 screens). A read takes everything from the range's start on; it stays the answer for any
/// later range inside it until the source's feed says something was saved — nothing can be stamped inside it
/// without being saved, and saving is announced. One read per rollout scope runs at a time; who asks meanwhile
/// shares it.
/// </summary>
public sealed class ChartAnnotationCache : IChartAnnotationSource, IDisposable
{
    private readonly IChartAnnotationSource _source;
    private readonly IDisposable _subscription;
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Entry> _byRollout = [];
    private Entry? _all;
    private long _version;

    public ChartAnnotationCache(IChartAnnotationSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _subscription = source.Changes.Subscribe(_ => Interlocked.Increment(ref _version));
    }

    public IChangeFeed<Guid> Changes => _source.Changes;

    public async Task<IReadOnlyList<ChartAnnotation>> ReadAsync(DateTimeOffset from, DateTimeOffset to, Guid? rolloutId, CancellationToken cancellationToken = default)
    {
        Task<IReadOnlyList<ChartAnnotation>> read;
        lock (_gate)
        {
            var version = Interlocked.Read(ref _version);
            var cached = rolloutId is { } id ? _byRollout.GetValueOrDefault(id) : _all;
            if (cached is null || cached.Version != version || cached.From > from || cached.Read.IsFaulted || cached.Read.IsCanceled)
            {
                // A read never waits on one viewer's cancellation: others may share it.
                cached = new Entry(from, version, _source.ReadAsync(from, DateTimeOffset.MaxValue, rolloutId, CancellationToken.None));
                if (rolloutId is { } key)
                {
                    _byRollout[key] = cached;
                }
                else
                {
                    _all = cached;
                }
            }

            read = cached.Read;
        }

        var annotations = await read.WaitAsync(cancellationToken);
        return [.. annotations.Where(a => a.At >= from && a.At <= to)];
    }

    public void Dispose() => _subscription.Dispose();

    /// <param name="From">The start of what was read; everything after it is in <paramref name="Read"/>.</param>
    /// <param name="Version">The number of changes seen before the read began: a later change makes it stale.</param>
    /// <param name="Read">Every annotation from <paramref name="From"/> on, shared by everyone who asks while it holds.</param>
    private sealed record Entry(DateTimeOffset From, long Version, Task<IReadOnlyList<ChartAnnotation>> Read);
}
