namespace Dashboard.Web.Features.Rollouts;

/// <summary>Body of <c>POST /api/rollouts</c>. <see cref="Actor"/> is taken from the body until sign-in exists (issue 5).</summary>
public sealed record CreateRolloutRequest(
    string? Service,
    string? BaselineVersion,
    string? CandidateVersion,
    string? PlanId,
    string? Actor,
    string? Reason);
