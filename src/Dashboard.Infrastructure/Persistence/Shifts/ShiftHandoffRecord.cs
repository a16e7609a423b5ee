namespace Dashboard.Infrastructure.Persistence.Shifts;

/// <summary>
/// The handoff of one shift to the next: what the outgoing shift wrote, who acknowledged it and when, and whether
/// it was flagged (and sent to the webhook) for being unacknowledged after the change — stored so a restart does not send it again.
/// </summary>
public sealed class ShiftHandoffRecord
{
    /// <summary>The outgoing shift (<c>yyyyMMdd-HHmm</c>).</summary>
    public required string ShiftId { get; set; }

    public string? Notes { get; set; }

    public string? Risks { get; set; }

    public string? HandedOffBy { get; set; }

    public DateTimeOffset? HandedOffAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    /// <summary>What the incoming person asked when acknowledging, if anything.</summary>
    public string? Question { get; set; }

    /// <summary>When it was flagged as unacknowledged after the change (and sent once).</summary>
    public DateTimeOffset? OverdueFlaggedAt { get; set; }
}
