namespace Dashboard.Web.Features.SignOffs;

/// <summary>
/// Body of <c>POST /api/rollouts/{id}/phases/{phaseIndex}/sign-offs</c>: the lead role signed for
/// (EngineeringLead, OperationsLead, ProductLead, FinanceLead), GO or NO-GO, and why. Who signs comes from
/// the signed-in identity, never from the body.
/// </summary>
public sealed record SignOffRequest(string? Role, string? Decision, string? Comment);
