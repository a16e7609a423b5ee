namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// One GO or NO-GO a lead gave at a phase's gate. Never changed: a change of mind is a new record, the
/// latest per role counts, and only records of the phase's current run (at or after its start) do.
/// </summary>
public sealed class SignOffRecord
{
    public Guid Id { get; set; }

    public Guid RolloutId { get; set; }

    public int PhaseIndex { get; set; }

    /// <summary>The <c>SignOffRole</c> signed for, by name (EngineeringLead …).</summary>
    public required string Role { get; set; }

    /// <summary>The <c>SignOffDecision</c> by name: Go or NoGo.</summary>
    public required string Decision { get; set; }

    public required string Comment { get; set; }

    public required string By { get; set; }

    public DateTimeOffset At { get; set; }
}
