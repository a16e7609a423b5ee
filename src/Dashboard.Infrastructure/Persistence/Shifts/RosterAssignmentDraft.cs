namespace Dashboard.Infrastructure.Persistence.Shifts;

/// <summary>A validated assignment to store: a default (<see cref="Pattern"/>, optional <see cref="Day"/>) or an override (<see cref="ShiftId"/>).</summary>
public sealed record RosterAssignmentDraft(string? Pattern, DayOfWeek? Day, string? ShiftId, string? Primary, string? Secondary, IReadOnlyList<string> Leads)
{
    public string Key => ShiftId is { } shift ? RosterKeys.Override(shift) : RosterKeys.Default(Pattern!, Day);
}
