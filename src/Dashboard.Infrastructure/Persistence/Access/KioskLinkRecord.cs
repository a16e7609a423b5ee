namespace Dashboard.Infrastructure.Persistence.Access;

/// <summary>
/// A read-only link for a war-room screen. The link carries a signed token naming <see cref="Id"/>; this row
/// is what makes it revocable. Its short code (<c>/k/7KQ2-MX9D</c>) is kept only as
/// <see cref="ShortCodeHash"/>, so the database alone cannot sign a screen in.
/// </summary>
public sealed class KioskLinkRecord
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>SHA-256 (hex) of the normalized short code; null for a link made before short codes existed.</summary>
    public string? ShortCodeHash { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}
