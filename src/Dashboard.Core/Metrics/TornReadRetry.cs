namespace Dashboard.Core.Metrics;

/// <summary>
/// Reads again while an answer holds a torn group (docs/metrics.md, "Torn reads"): at most
/// <see cref="MaxRereads"/> more times, each after the caller's back-off, so a point whose last
/// fields land in the meantime is read whole. The last answer is returned as it is; a group still
/// torn then carries <see cref="WindowTotals.IncompletePoints"/> and its request metrics have no value.
/// </summary>
public static class TornReadRetry
{
    /// <summary>Re-reads after the first read; a writer that has not finished by then is not waited for longer.</summary>
    public const int MaxRereads = 2;

    /// <param name="read">One read of the whole answer.</param>
    /// <param name="isTorn">True when the answer holds a torn group.</param>
    /// <param name="backoff">How long to wait before each re-read.</param>
    /// <param name="timeProvider">The clock the back-off waits on.</param>
    /// <param name="cancellationToken">Cancels a read or a back-off.</param>
    public static async Task<T> ReadAsync<T>(
        Func<CancellationToken, Task<T>> read,
        Func<T, bool> isTorn,
        TimeSpan backoff,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(isTorn);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var answer = await read(cancellationToken).ConfigureAwait(false);
        for (var reread = 0; reread < MaxRereads && isTorn(answer); reread++)
        {
            await Task.Delay(backoff, timeProvider, cancellationToken).ConfigureAwait(false);
            answer = await read(cancellationToken).ConfigureAwait(false);
        }

        return answer;
    }
}
