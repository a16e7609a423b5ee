using Dashboard.Infrastructure.Influx;

namespace Dashboard.Infrastructure.Checkpoints;

/// <summary>
/// InfluxDB's answer to one metric family's per-interval statements for <c>[From, To)</c>: whole, settled
/// sample intervals only, stored so later checkpoints of the phase read only what is new (docs/checkpoints.md,
/// "Reusing settled sums").
/// </summary>
/// <param name="Family">The metric family (requests, probes, revenue, resources).</param>
/// <param name="Shape">
/// A hash of everything that decides the answer besides the time range: the statements' text with the range
/// left out (names, service filter, sample interval, alignment) and the InfluxDB URL and database. A chunk of
/// another shape is never reused.
/// </param>
/// <param name="From">Start of the first interval, on the sample grid.</param>
/// <param name="To">End of the last interval, on the sample grid.</param>
/// <param name="ReadAt">When InfluxDB was read; every interval ended at least <c>CheckpointEvaluation:ReuseAfter</c> before it.</param>
/// <param name="Results">One result per statement of the family, in statement order, holding only rows in <c>[From, To)</c>.</param>
public sealed record IntervalSumChunk(
    string Family,
    string Shape,
    DateTimeOffset From,
    DateTimeOffset To,
    DateTimeOffset ReadAt,
    IReadOnlyList<InfluxStatementResult> Results);
