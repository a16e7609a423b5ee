namespace Dashboard.Web.Features.Summaries;

/// <summary>A change of the canary weight requested in the period and its fate ("confirmed", "failed", "requested").</summary>
public sealed record SummaryTrafficChange(DateTimeOffset RequestedAt, int FromPercent, int ToPercent, string By, string Reason, string Fate, string? FailureMessage);
