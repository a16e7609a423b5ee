namespace Dashboard.Core.Demo;

/// <summary>The healthy behaviour of one cohort in the demo; the canary is a little better than the baseline.</summary>
internal sealed record CohortCharacter(
    double ErrorRate,
    double MedianLatencyMs,
    double ProbeFailureRate,
    double RevenueFactor,
    double CompletionRate,
    double CpuPctAtAverageLoad,
    double MemMb)
{
    public static CohortCharacter Baseline { get; } = new(
        ErrorRate: 0.0032,
        MedianLatencyMs: 41,
        ProbeFailureRate: 0.00025,
        RevenueFactor: 1.0,
        CompletionRate: 0.62,
        CpuPctAtAverageLoad: 41,
        MemMb: 1840);

    public static CohortCharacter Canary { get; } = new(
        ErrorRate: 0.0027,
        MedianLatencyMs: 39,
        ProbeFailureRate: 0.0002,
        RevenueFactor: 1.035,
        CompletionRate: 0.64,
        CpuPctAtAverageLoad: 38,
        MemMb: 1760);
}
