namespace Dashboard.Web.Features.Incidents;

/// <summary>Body of <c>POST /api/rollouts/{id}/incidents</c>. <see cref="Severity"/> is low, high or critical.</summary>
public sealed record OpenIncidentRequest(string? Severity, string? Title, string? Description, string? Owner, bool DataLoss);
