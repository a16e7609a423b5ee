namespace Dashboard.Web.Features.Summaries;

/// <summary>A checkpoint verdict, a person's checkpoint decision or a sign-off in the period, in words.</summary>
/// <param name="At">When it was recorded.</param>
/// <param name="Kind">"Checkpoint", "Decision" or "Sign-off".</param>
/// <param name="By">Who: a person or an automation actor.</param>
/// <param name="Text">E.g. "15m: PASS — continue", "Engineering lead: GO — looks fine".</param>
public sealed record SummaryDecision(DateTimeOffset At, string Kind, string By, string Text);
