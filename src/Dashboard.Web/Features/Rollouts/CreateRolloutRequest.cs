namespace Dashboard.Web.Features.Rollouts;

/// <summary>Body of <c>POST /api/rollouts</c>. Who creates it is the signed-in caller, never a field of the body.</summary>
public sealed record CreateRolloutRequest(
    string? Service,
    string? BaselineVersion,
    string? CandidateVersion,
    string? PlanId,
    string? Reason);
