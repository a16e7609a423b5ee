namespace Dashboard.SampleService;

/// <summary>
/// Draws simulated latencies from a log-normal distribution: latency = median · e^(σ·Z), Z standard
/// normal. Log-normal because real service latencies are skewed to the right with a long tail.
/// </summary>
public sealed class LatencyProfile(double medianMs, double spread)
{
    /// <summary>No single request waits longer than this, whatever the tail draws.</summary>
    public static readonly TimeSpan Cap = TimeSpan.FromSeconds(10);

    public TimeSpan Draw(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (medianMs <= 0)
        {
            return TimeSpan.Zero;
        }

        // Box–Muller; 1 - NextDouble() lies in (0, 1], so the logarithm is finite.
        var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var ms = medianMs * Math.Exp(spread * z);
        return TimeSpan.FromMilliseconds(Math.Min(ms, Cap.TotalMilliseconds));
    }
}
