using Dashboard.Core.Incidents;

namespace Dashboard.Web.Features.ShiftReview;

/// <summary>An incident still open.</summary>
public sealed record WatchIncident(Guid IncidentId, Guid RolloutId, string Rollout, IncidentSeverity Severity, string Title, string Owner, DateTimeOffset OpenedAt, string Href);
