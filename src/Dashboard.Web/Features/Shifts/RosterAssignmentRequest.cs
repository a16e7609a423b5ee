namespace Dashboard.Web.Features.Shifts;

/// <summary>
/// One assignment of <c>PUT /api/roster</c>: a default names its <see cref="Pattern"/> (and optionally a weekday in
/// <see cref="Day"/>), an override names its <see cref="ShiftId"/>. People are user names.
/// </summary>
public sealed record RosterAssignmentRequest(string? Pattern, string? Day, string? ShiftId, string? Primary, string? Secondary, IReadOnlyList<string>? Leads);
