namespace Dashboard.Web.Features.Access;

/// <summary>A failure of a caller nobody has authenticated; audited at most once per source and kind per interval (<see cref="UnauthenticatedAudit"/>).</summary>
public enum UnauthenticatedFailure
{
    /// <summary>A sign-in with a user name nobody has.</summary>
    UnknownUser,

    /// <summary>A sign-in to an account that is locked out.</summary>
    LockedAccount,

    /// <summary>A kiosk link that is not (or no longer) valid.</summary>
    InvalidKioskLink,

    /// <summary>A kiosk short code that names no live link, or one tried while guessing is held off.</summary>
    InvalidKioskCode,

    /// <summary>An API key of a known prefix with the wrong secret.</summary>
    ApiKeyWrongSecret,

    ApiKeyRevoked,

    ApiKeyExpired,
}
