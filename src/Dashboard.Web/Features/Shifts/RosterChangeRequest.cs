namespace Dashboard.Web.Features.Shifts;

/// <summary>Body of <c>PUT /api/roster</c>: defaults and overrides to create or replace, all saved or none.</summary>
public sealed record RosterChangeRequest(IReadOnlyList<RosterAssignmentRequest>? Defaults, IReadOnlyList<RosterAssignmentRequest>? Overrides);
