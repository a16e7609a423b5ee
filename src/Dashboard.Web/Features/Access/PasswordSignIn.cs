using Dashboard.Infrastructure.Persistence.Access;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Logging;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Access;

/// <summary>
/// Checks a user name and password. Wrong passwords count towards a lockout; a locked-out or disabled
/// person is refused even with the right password; every attempt is in the audit log. The answer to a
/// wrong user name and to a wrong password is the same, and both cost a hash verification.
/// </summary>
public sealed partial class PasswordSignIn(
    PeopleStore people, IPasswordHasher<PersonRecord> hasher, AuditLog auditLog, IOptions<AccessOptions> options, TimeProvider timeProvider,
    ILogger<PasswordSignIn> logger)
{
    public const string WrongCredentials = "Wrong user name or password.";

    // Verified against when the user name is unknown, so that answer takes as long as a wrong password.
    private static readonly string DecoyHash = new PasswordHasher<PersonRecord>().HashPassword(
        new PersonRecord { UserName = "decoy", NormalizedUserName = "decoy", DisplayName = "decoy", Roles = string.Empty, SecurityStamp = "decoy", CreatedBy = "decoy" },
        Guid.NewGuid().ToString());

    /// <param name="userName">As typed.</param>
    /// <param name="password">As typed.</param>
    /// <param name="source">Where the attempt came from (remote address), for the audit log.</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    public async Task<PasswordSignInResult> CheckAsync(string? userName, string? password, string source, CancellationToken cancellationToken = default)
    {
        var typed = (userName ?? string.Empty).Trim();
        var person = typed.Length is > 0 and <= AccessLimits.NameLength ? await people.FindByUserNameAsync(typed, cancellationToken) : null;
        if (person is null)
        {
            hasher.VerifyHashedPassword(null!, DecoyHash, password ?? string.Empty);
            var shown = typed.Length > AccessLimits.NameLength ? typed[..AccessLimits.NameLength] : typed;
            await auditLog.AppendAsync(AuditEventDraft.For(shown.Length == 0 ? "anonymous" : shown, "person.signInFailed", null, new { unknownUser = true, source }), cancellationToken);
            LogFailed(LogFingerprint.Of(shown), "unknown user"); // often a password typed into the wrong box: never logged as typed
            return PasswordSignInResult.Refused(WrongCredentials);
        }

        var now = timeProvider.GetUtcNow();
        if (person.LockedUntil is { } until && until > now)
        {
            await auditLog.AppendAsync(AuditEventDraft.For(person.UserName, "person.signInRefused", null, new { personId = person.Id, reason = "locked out", until, source }), cancellationToken);
            LogFailed(person.UserName, "locked out");
            return PasswordSignInResult.Refused($"Too many failed sign-ins: try again after {until:HH:mm} UTC, or ask an admin to unlock you.");
        }

        if (person.PasswordHash is null
            || hasher.VerifyHashedPassword(person, person.PasswordHash, password ?? string.Empty) == PasswordVerificationResult.Failed)
        {
            var settings = options.Value;
            var stored = await people.RecordFailedSignInAsync(person.Id, settings.MaxFailedSignIns, settings.LockoutDuration, source, cancellationToken);
            LogFailed(person.UserName, "wrong password");
            return stored?.LockedUntil is { } lockedUntil && lockedUntil > now
                ? PasswordSignInResult.Refused($"Too many failed sign-ins: try again after {lockedUntil:HH:mm} UTC, or ask an admin to unlock you.")
                : PasswordSignInResult.Refused(WrongCredentials);
        }

        if (person.Disabled)
        {
            await auditLog.AppendAsync(AuditEventDraft.For(person.UserName, "person.signInRefused", null, new { personId = person.Id, reason = "disabled", source }), cancellationToken);
            LogFailed(person.UserName, "disabled");
            return PasswordSignInResult.Refused("This account is disabled. Ask an admin.");
        }

        await people.RecordSignInAsync(person.Id, "password", source, cancellationToken);
        return PasswordSignInResult.SignedIn(person);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused for {UserName}: {Reason}")]
    private partial void LogFailed(string userName, string reason);
}

/// <summary>The signed-in person, or why not (safe to show on the sign-in page).</summary>
public sealed record PasswordSignInResult(PersonRecord? Person, string? Problem)
{
    public static PasswordSignInResult SignedIn(PersonRecord person) => new(person, null);

    public static PasswordSignInResult Refused(string problem) => new(null, problem);
}
