namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// Where a health check stands in the newest-first order (its run time, then its id): a page that starts after it
/// neither repeats nor skips a check when new ones are recorded at the top while a caller pages.
/// </summary>
public sealed record HealthCheckPosition(DateTimeOffset RanAt, Guid Id);
