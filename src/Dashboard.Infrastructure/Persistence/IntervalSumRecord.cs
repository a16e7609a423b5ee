namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// Settled per-interval sums of one metric family of one phase run, as InfluxDB answered them for
/// <c>[From, To)</c> (docs/checkpoints.md, "Reusing settled sums"). Written by the checkpoint evaluator, read by
/// later checkpoints and summaries of the same phase run; a chunk of another <see cref="Shape"/> is never used.
/// </summary>
public sealed class IntervalSumRecord
{
    public Guid Id { get; set; }

    /// <summary>The rollout as the evaluation request names it (not a foreign key: benches and tests evaluate without one).</summary>
    public required string RolloutId { get; set; }

    public int PhaseIndex { get; set; }

    public DateTimeOffset PhaseStartedAt { get; set; }

    /// <summary>requests, probes, revenue or resources (the evaluator's family name).</summary>
    public required string Family { get; set; }

    /// <summary>Hex SHA-256 of the statements without their time range, the InfluxDB URL and database.</summary>
    public required string Shape { get; set; }

    public DateTimeOffset From { get; set; }

    public DateTimeOffset To { get; set; }

    public DateTimeOffset ReadAt { get; set; }

    /// <summary>The statements' results in InfluxDB's own <c>/query</c> JSON, so they are read back by the same parser.</summary>
    public required string ResultsJson { get; set; }
}
