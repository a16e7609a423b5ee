namespace Dashboard.Infrastructure.Checkpoints;

/// <summary>What one top-up of a phase run did.</summary>
/// <param name="Families">The metric families whose sums were read (none when nothing new had settled: no InfluxDB request).</param>
/// <param name="From">Start of the range read; null when nothing was read.</param>
/// <param name="To">End of the range read, on the sample grid; null when nothing was read.</param>
/// <param name="Failure">Why InfluxDB's answer could not be stored, or null.</param>
public sealed record SumTopUpResult(int Families, DateTimeOffset? From, DateTimeOffset? To, string? Failure)
{
    public static SumTopUpResult Nothing { get; } = new(0, null, null, null);
}
