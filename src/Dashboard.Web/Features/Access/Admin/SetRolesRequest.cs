namespace Dashboard.Web.Features.Access.Admin;

/// <summary>Every role the person holds from now on (an empty list leaves only Viewer).</summary>
public sealed record SetRolesRequest(IReadOnlyList<string>? Roles);
