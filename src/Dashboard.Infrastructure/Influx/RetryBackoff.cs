namespace Dashboard.Infrastructure.Influx;

/// <summary>
/// Delay before a retry: the server's <c>Retry-After</c> when it sent one, otherwise an
/// exponential step (<c>base × 2^retry</c>) with "equal jitter" (half fixed, half random) so that
/// many clients recovering together do not hit the server in lockstep. Both are capped.
/// </summary>
internal sealed class RetryBackoff(TimeSpan baseDelay, TimeSpan maxDelay, Func<double> random)
{
    public RetryBackoff(InfluxOptions options)
        : this(options.RetryBaseDelay, options.MaxRetryDelay, Random.Shared.NextDouble)
    {
    }

    public TimeSpan MaxDelay => maxDelay;

    /// <param name="retry">0 for the first retry.</param>
    /// <param name="retryAfter">The server's <c>Retry-After</c>, already converted to a delay.</param>
    public TimeSpan Delay(int retry, TimeSpan? retryAfter)
    {
        if (retryAfter is { } serverDelay)
        {
            return serverDelay < TimeSpan.Zero ? TimeSpan.Zero : serverDelay > maxDelay ? maxDelay : serverDelay;
        }

        var exponent = Math.Min(retry, 30);
        var step = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, exponent), maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(step * (0.5 + (0.5 * random())));
    }
}
