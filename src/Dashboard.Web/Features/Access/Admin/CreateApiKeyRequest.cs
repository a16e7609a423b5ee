namespace Dashboard.Web.Features.Access.Admin;

/// <summary>An API key to create: a name unique among live keys, role names (never Admin) and a required expiry.</summary>
public sealed record CreateApiKeyRequest(string? Name, IReadOnlyList<string>? Roles, DateTimeOffset? ExpiresAt);
