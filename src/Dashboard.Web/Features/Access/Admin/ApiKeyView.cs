using Dashboard.Infrastructure.Persistence.Access;

namespace Dashboard.Web.Features.Access.Admin;

/// <summary>An API key as the admin page and API list it: its public prefix, never its secret or hash.</summary>
public sealed record ApiKeyView(
    Guid Id,
    string Name,
    string Prefix,
    IReadOnlyList<string> Roles,
    AccessGrantState State,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt,
    string? RevokedBy,
    DateTimeOffset? LastUsedAt)
{
    public static ApiKeyView From(ApiKeyRecord key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(
            key.Id, key.Name, key.Prefix, PersonView.RoleNames(key.Roles), AccessGrantStates.Of(key.RevokedAt, key.ExpiresAt, now), key.CreatedAt, key.CreatedBy, key.ExpiresAt,
            key.RevokedAt, key.RevokedBy, key.LastUsedAt);
    }
}
