namespace Dashboard.Web.Features.Shifts;

/// <summary>What <c>GET /api/roster</c> answers: the patterns, the defaults, and the shifts of the period with who is on each.</summary>
public sealed record RosterView(IReadOnlyList<string> Patterns, IReadOnlyList<RosterDefaultView> Defaults, IReadOnlyList<ShiftView> Shifts);
