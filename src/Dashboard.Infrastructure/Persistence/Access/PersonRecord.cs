namespace Dashboard.Infrastructure.Persistence.Access;

/// <summary>
/// A person who can sign in. <see cref="PasswordHash"/> is the ASP.NET Core Identity password hash (PBKDF2,
/// salted); null for someone who signs in only through OpenID Connect. <see cref="SecurityStamp"/> changes
/// whenever roles, password or status change, which ends every session issued before.
/// </summary>
public sealed class PersonRecord
{
    public Guid Id { get; set; }

    /// <summary>As typed when created; what the audit log records.</summary>
    public required string UserName { get; set; }

    /// <summary>Lower-case user name, unique: sign-in is case-insensitive.</summary>
    public required string NormalizedUserName { get; set; }

    public required string DisplayName { get; set; }

    public string? PasswordHash { get; set; }

    /// <summary>Comma-separated role names.</summary>
    public required string Roles { get; set; }

    public bool Disabled { get; set; }

    public int FailedSignIns { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public required string SecurityStamp { get; set; }

    /// <summary><c>issuer|subject</c> of the OpenID Connect identity linked to this person, if any.</summary>
    public string? ExternalId { get; set; }

    /// <summary>
    /// The IANA time zone ("Europe/Berlin") whose local time the person wants beside UTC on charts and timestamps;
    /// null shows UTC only. A display preference: changing it leaves the security stamp alone.
    /// </summary>
    public string? LocalTimeZone { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }

    public long Version { get; set; }
}
