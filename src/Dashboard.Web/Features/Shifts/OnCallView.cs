namespace Dashboard.Web.Features.Shifts;

/// <summary>Who is on call now and next, and the last handoff if it is overdue (shown on /warroom).</summary>
public sealed record OnCallView(ShiftView Current, ShiftView Next, ShiftView? OverdueHandoff);
