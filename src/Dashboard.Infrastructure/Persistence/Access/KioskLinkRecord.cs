namespace Dashboard.Infrastructure.Persistence.Access;

/// <summary>
/// A read-only link for a war-room screen. The link carries a signed token naming <see cref="Id"/>; this row
/// is what makes it revocable.
/// </summary>
public sealed class KioskLinkRecord
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}
