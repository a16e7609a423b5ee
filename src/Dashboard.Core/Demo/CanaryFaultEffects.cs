namespace Dashboard.Core.Demo;

/// <summary>
/// How injected faults bend the canary's metrics; <see cref="None"/> leaves it healthy.
/// </summary>
/// <param name="ErrorRateIncreasePoints">Percentage points added to the error rate.</param>
/// <param name="LatencyFactor">Multiplier of every latency (1 = unchanged).</param>
/// <param name="AvailabilityDropPoints">Percentage points of probe successes removed.</param>
/// <param name="RevenueDropPct">Percent of revenue lost (0..100).</param>
public sealed record CanaryFaultEffects(
    double ErrorRateIncreasePoints,
    double LatencyFactor,
    double AvailabilityDropPoints,
    double RevenueDropPct)
{
    public static CanaryFaultEffects None { get; } = new(0, 1, 0, 0);
}
