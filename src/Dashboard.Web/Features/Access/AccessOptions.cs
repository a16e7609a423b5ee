using Dashboard.Web.Features.Access.Hosting;

namespace Dashboard.Web.Features.Access;

/// <summary>Sign-in, sessions, lockout, API keys and single sign-on (section <c>Auth</c>; docs/access.md).</summary>
public sealed class AccessOptions
{
    public const string Section = "Auth";

    /// <summary>Created on the first run when nobody exists yet; otherwise the app prints a one-time set-up link.</summary>
    public InitialAdminOptions InitialAdmin { get; set; } = new();

    /// <summary>Failed passwords in a row before the person is locked out.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// An unauthenticated failure (junk kiosk link, unknown user, locked account, bad API key) is audited at most
    /// once per source and kind within this interval; the next event says how many were not (docs/security.md).
    /// </summary>
    public TimeSpan UnauthenticatedAuditInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a session lasts without use (sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often an open page re-checks that its person, key or kiosk link is still valid.</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Which requests get <c>Secure</c> cookies: all but plain-http loopback ones by default (docs/security.md, "Cookies").</summary>
    public SecureCookies CookieSecurePolicy { get; set; } = SecureCookies.ExceptLoopback;

    public int MinPasswordLength { get; set; } = 12;

    /// <summary>The longest lifetime an API key may be given.</summary>
    public TimeSpan MaxApiKeyLifetime { get; set; } = TimeSpan.FromDays(366);

    public OidcOptions Oidc { get; set; } = new();
}

/// <summary>The first admin, from configuration (e.g. <c>Auth__InitialAdmin__Password</c> from a secret store).</summary>
public sealed class InitialAdminOptions
{
    public string UserName { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Admin by default; a demo may add Operator and the leads.</summary>
    public List<string> Roles { get; set; } = [nameof(WarRoomRole.Admin)];

    public bool IsConfigured => !string.IsNullOrWhiteSpace(UserName) || !string.IsNullOrWhiteSpace(Password);
}

/// <summary>OpenID Connect sign-in through the company's identity provider.</summary>
public sealed class OidcOptions
{
    public bool Enabled { get; set; }

    public string Authority { get; set; } = string.Empty;

    public string ClientId { get; set; } = string.Empty;

    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>The sign-in button's text.</summary>
    public string DisplayName { get; set; } = "Single sign-on";

    /// <summary>The claim whose values name war-room roles (e.g. <c>roles</c> or <c>groups</c>); empty leaves roles to the admin page.</summary>
    public string RolesClaim { get; set; } = "roles";

    /// <summary>The claim used as user name.</summary>
    public string UserNameClaim { get; set; } = "preferred_username";

    /// <summary>Plain-http authority for a loopback test identity provider only.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
