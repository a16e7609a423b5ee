using Dashboard.Infrastructure.Persistence.Shifts;

namespace Dashboard.Web.Features.Shifts;

/// <summary>The handoff of a shift to the next, as the API and the pages show it.</summary>
/// <param name="State">Where it stands.</param>
/// <param name="OpensAt">When the outgoing shift may write it.</param>
/// <param name="Notes">What the outgoing shift wrote: what happened, what is in flight.</param>
/// <param name="Risks">The risks the incoming shift must watch.</param>
/// <param name="HandedOffBy">Who handed off (user name).</param>
/// <param name="HandedOffAt">When.</param>
/// <param name="AcknowledgedBy">Who on the incoming shift said "I have it".</param>
/// <param name="AcknowledgedAt">When.</param>
/// <param name="Question">What they asked when acknowledging, if anything.</param>
/// <param name="Overdue">Not acknowledged <c>Shifts:AcknowledgeWithin</c> after the change: flagged on /warroom and sent once.</param>
public sealed record HandoffView(
    HandoffState State,
    DateTimeOffset OpensAt,
    string? Notes,
    string? Risks,
    string? HandedOffBy,
    DateTimeOffset? HandedOffAt,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    string? Question,
    bool Overdue)
{
    public static HandoffView From(ShiftHandoffRecord? record, DateTimeOffset opensAt, DateTimeOffset now)
    {
        var state = record switch
        {
            { AcknowledgedAt: not null } => HandoffState.Acknowledged,
            { HandedOffAt: not null } => HandoffState.HandedOff,
            _ => now >= opensAt ? HandoffState.Open : HandoffState.NotOpen,
        };
        return new(
            state, opensAt, record?.Notes, record?.Risks, record?.HandedOffBy, record?.HandedOffAt, record?.AcknowledgedBy, record?.AcknowledgedAt, record?.Question,
            record is { OverdueFlaggedAt: not null, AcknowledgedAt: null });
    }
}
