namespace Dashboard.Web.Features.Rollouts;

/// <summary>Body of <c>POST /api/rollouts/{id}/start|advance|hold|resume|rollback|abort</c>; the actor comes from the body until sign-in exists (issue 5).</summary>
public sealed record RolloutActionRequest(string? Reason);
