namespace Dashboard.Web.Features.Summaries;

/// <summary>An incident of the rollout that was open during the period; <paramref name="OpenAtEnd"/> as of its end.</summary>
public sealed record SummaryIncident(string Severity, string Title, string Owner, DateTimeOffset OpenedAt, DateTimeOffset? ResolvedAt, bool OpenAtEnd);
