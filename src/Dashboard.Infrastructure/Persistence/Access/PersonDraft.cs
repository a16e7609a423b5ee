namespace Dashboard.Infrastructure.Persistence.Access;

/// <summary>A person to create; the caller has validated and hashed already.</summary>
public sealed record PersonDraft(string UserName, string DisplayName, string? PasswordHash, string Roles, string? ExternalId = null);
