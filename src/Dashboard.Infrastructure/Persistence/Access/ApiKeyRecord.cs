namespace Dashboard.Infrastructure.Persistence.Access;

/// <summary>
/// An API key for automation. Only <see cref="SecretHash"/> (SHA-256 of the secret part) is kept; the key
/// itself is shown once when it is created. <see cref="Prefix"/> is the public part that finds the row.
/// </summary>
public sealed class ApiKeyRecord
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public required string Prefix { get; set; }

    public required string SecretHash { get; set; }

    /// <summary>Comma-separated role names.</summary>
    public required string Roles { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}
