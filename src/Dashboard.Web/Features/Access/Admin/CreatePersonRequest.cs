namespace Dashboard.Web.Features.Access.Admin;

/// <summary>A person to create: signs in with <see cref="Password"/>; <see cref="Roles"/> are role names (none leaves only Viewer).</summary>
public sealed record CreatePersonRequest(string? UserName, string? DisplayName, string? Password, IReadOnlyList<string>? Roles);
