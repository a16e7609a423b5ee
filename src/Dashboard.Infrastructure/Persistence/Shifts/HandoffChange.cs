namespace Dashboard.Infrastructure.Persistence.Shifts;

/// <summary>What a handoff write did: the record as saved, or why it was refused.</summary>
public sealed record HandoffChange(ShiftHandoffRecord? Handoff, HandoffRefusal Refusal)
{
    public static HandoffChange Done(ShiftHandoffRecord handoff) => new(handoff, HandoffRefusal.None);

    public static HandoffChange Refused(HandoffRefusal refusal, ShiftHandoffRecord? current) => new(current, refusal);
}
