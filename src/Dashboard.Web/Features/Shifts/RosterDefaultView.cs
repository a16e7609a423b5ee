namespace Dashboard.Web.Features.Shifts;

/// <summary>The default roster of a pattern, for every day (<see cref="Day"/> null) or one weekday.</summary>
public sealed record RosterDefaultView(string Pattern, DayOfWeek? Day, RosterPerson? Primary, RosterPerson? Secondary, IReadOnlyList<RosterPerson> Leads);
