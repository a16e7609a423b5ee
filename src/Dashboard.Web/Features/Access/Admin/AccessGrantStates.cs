namespace Dashboard.Web.Features.Access.Admin;

/// <summary>The one rule for whether an API key or kiosk link is live: not revoked, and not past its expiry.</summary>
internal static class AccessGrantStates
{
    public static AccessGrantState Of(DateTimeOffset? revokedAt, DateTimeOffset? expiresAt, DateTimeOffset now) =>
        revokedAt is not null ? AccessGrantState.Revoked
        : expiresAt <= now ? AccessGrantState.Expired
        : AccessGrantState.Live;
}
