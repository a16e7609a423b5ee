namespace Dashboard.Web.Features.Shifts;

/// <summary>Saved news: the handoff of <paramref name="ShiftId"/> changed, or — when null — the roster did.</summary>
public sealed record ShiftChanged(string? ShiftId);
