using Dashboard.Infrastructure.Persistence.Access;

namespace Dashboard.Web.Features.Access.Admin;

/// <summary>A kiosk link as the admin page and API list it; the link itself comes from <c>GET …/kiosk-links/{id}/link</c>.</summary>
public sealed record KioskLinkView(
    Guid Id,
    string Name,
    AccessGrantState State,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    string? RevokedBy,
    DateTimeOffset? LastUsedAt)
{
    public static KioskLinkView From(KioskLinkRecord link, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new(
            link.Id, link.Name, AccessGrantStates.Of(link.RevokedAt, link.ExpiresAt, now), link.CreatedAt, link.CreatedBy, link.ExpiresAt, link.RevokedAt, link.RevokedBy, link.LastUsedAt);
    }
}
