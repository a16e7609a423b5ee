namespace Dashboard.Web.Features.Shifts;

/// <summary>Someone the roster page offers: a person who can sign in, and whether they hold a lead role (only leads are offered as leads on duty).</summary>
public sealed record RosterCandidate(string UserName, string DisplayName, bool IsLead);
