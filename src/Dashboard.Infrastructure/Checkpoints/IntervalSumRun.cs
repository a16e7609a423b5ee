namespace Dashboard.Infrastructure.Checkpoints;

/// <summary>A phase run that has settled sums stored, and when the newest of them was read.</summary>
public sealed record IntervalSumRun(PhaseRunKey Run, DateTimeOffset LastReadAt);
