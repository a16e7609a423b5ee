namespace Dashboard.Web.Features.Shifts;

/// <summary>One shift as the API and the pages show it: its window, who is on, its handoff, and its neighbours' ids.</summary>
public sealed record ShiftView(
    string Id,
    string Name,
    DateTimeOffset Start,
    DateTimeOffset End,
    ShiftRoster Roster,
    HandoffView Handoff,
    string PreviousId,
    string NextId)
{
    public ShiftWindow Window => new(Id, Name, Start, End);
}
