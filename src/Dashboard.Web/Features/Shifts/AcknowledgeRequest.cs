namespace Dashboard.Web.Features.Shifts;

/// <summary>Body of <c>POST /api/shifts/{id}/acknowledge</c>: "I have it", optionally with a question for the outgoing shift.</summary>
public sealed record AcknowledgeRequest(string? Question);
