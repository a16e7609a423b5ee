namespace Dashboard.Web.Shared.Charts;

/// <summary>One label of a time axis: the UTC text and, when the viewer asked for it, the local text under it.</summary>
public sealed record TimeTick(DateTimeOffset At, string Utc, string? Local);
