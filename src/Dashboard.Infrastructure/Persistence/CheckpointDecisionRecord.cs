namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// A decision a person recorded at a checkpoint: what, why (notes) and the follow-ups. Several per
/// verdict are allowed — a change of mind is a new record and the latest counts — so nothing is
/// ever overwritten. It belongs to the verdict (one checkpoint of one phase run), not just to the
/// checkpoint's offset, so a retried phase starts with no decisions.
/// </summary>
public sealed class CheckpointDecisionRecord
{
    public Guid Id { get; set; }

    public Guid RolloutId { get; set; }

    /// <summary>The <see cref="CheckpointVerdictRecord"/> the decision answers.</summary>
    public Guid VerdictId { get; set; }

    /// <summary>Continue, MonitorClosely, ReduceTraffic or Abort.</summary>
    public required string Decision { get; set; }

    public required string Notes { get; set; }

    /// <summary>The action items as a JSON array of <c>{ text, owner, due }</c>.</summary>
    public required string ActionItemsJson { get; set; }

    public required string DecidedBy { get; set; }

    public DateTimeOffset DecidedAt { get; set; }
}
