namespace Dashboard.Web.Features.TrafficDrift;

/// <summary>Body of <c>POST /api/routing/drift/reconcile</c>; the actor comes from the body until sign-in exists (issue 5).</summary>
public sealed record ReconcileTrafficRequest(string? Reason);
