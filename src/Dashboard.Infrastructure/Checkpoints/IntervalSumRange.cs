namespace Dashboard.Infrastructure.Checkpoints;

/// <summary>The time range <c>[From, To)</c> of one stored chunk of settled sums, without its results.</summary>
public sealed record IntervalSumRange(DateTimeOffset From, DateTimeOffset To);
