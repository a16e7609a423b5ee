namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// Someone ticked (or un-ticked) one item of a gate's checklist. Every tick is kept; the latest per item
/// of the phase's current run counts.
/// </summary>
public sealed class ChecklistTickRecord
{
    public Guid Id { get; set; }

    public Guid RolloutId { get; set; }

    public int PhaseIndex { get; set; }

    public required string TemplateId { get; set; }

    public required string ItemId { get; set; }

    /// <summary>True for a tick, false for taking it back.</summary>
    public bool Ticked { get; set; }

    public required string By { get; set; }

    public DateTimeOffset At { get; set; }
}
