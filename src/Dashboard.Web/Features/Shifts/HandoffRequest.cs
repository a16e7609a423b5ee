namespace Dashboard.Web.Features.Shifts;

/// <summary>Body of <c>POST /api/shifts/{id}/handoff</c>: what the outgoing shift tells the next one.</summary>
public sealed record HandoffRequest(string? Notes, string? Risks);
