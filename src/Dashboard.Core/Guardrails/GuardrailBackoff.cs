namespace Dashboard.Core.Guardrails;

/// <summary>
/// Delay before the next attempt to make the router confirm a weight: <c>base × 2^retry</c>, capped,
/// with equal jitter (half fixed, half random) so several instances do not retry in lockstep.
/// </summary>
public static class GuardrailBackoff
{
    /// <param name="retry">0 for the first retry.</param>
    /// <param name="baseDelay">The first step.</param>
    /// <param name="maxDelay">The cap.</param>
    /// <param name="random">A number in [0, 1).</param>
    public static TimeSpan Delay(int retry, TimeSpan baseDelay, TimeSpan maxDelay, double random)
    {
        var step = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(retry, 0, 30)), maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(step * (0.5 + (0.5 * Math.Clamp(random, 0, 1))));
    }
}
