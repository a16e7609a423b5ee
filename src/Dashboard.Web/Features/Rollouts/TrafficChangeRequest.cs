namespace Dashboard.Web.Features.Rollouts;

/// <summary>Body of <c>POST /api/rollouts/{id}/traffic</c>: the canary's new share, 0..100.</summary>
public sealed record TrafficChangeRequest(int? Percent, string? Reason);
