namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// One executive summary as generated at its milestone (docs/summaries.md). Never changed after it is stored:
/// <see cref="ContentJson"/> is the whole document, so re-reading it shows what was written then. Unique per
/// rollout, phase run and milestone — a second generation is refused.
/// </summary>
public sealed class ExecutiveSummaryRecord
{
    public Guid Id { get; set; }

    public Guid RolloutId { get; set; }

    public int PhaseIndex { get; set; }

    /// <summary>When the phase run the summary covers started (a retried phase is a new run).</summary>
    public DateTimeOffset PhaseStartedAt { get; set; }

    /// <summary>The milestone's key: "8h", "24h", "36h" or "end".</summary>
    public required string Milestone { get; set; }

    /// <summary>The end of the period the summary covers (its start is <see cref="PhaseStartedAt"/>).</summary>
    public DateTimeOffset PeriodEnd { get; set; }

    public DateTimeOffset GeneratedAt { get; set; }

    public required string ContentJson { get; set; }
}
