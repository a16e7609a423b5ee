namespace Dashboard.Web.Features.Incidents;

/// <summary>
/// Body of <c>POST /api/incidents/{id}/updates</c> and <c>…/resolve</c>: what happened, and optionally a new
/// severity or owner.
/// </summary>
public sealed record IncidentUpdateRequest(string? Text, string? Severity, string? Owner);
