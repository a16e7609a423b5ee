using Dashboard.Infrastructure.Persistence.Access;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Web.Features.Logging;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Access;

/// <summary>
/// Checks a user name and password. Each attempt on a known person is reserved in the state store before its
/// password is checked (<see cref="PeopleStore.ReserveSignInAttemptAsync"/>), so even parallel guesses get at most
/// <see cref="AccessOptions.MaxFailedSignIns"/> password checks before the lockout holds. A wrong user name, a wrong
/// password and a locked-out account get the same answer, and each costs one hash verification. Failures of a
/// known person are audited one by one; unknown user names and locked accounts, which anyone can cause, at most
/// once per address per interval (<see cref="UnauthenticatedAudit"/>).
/// </summary>
public sealed partial class PasswordSignIn(
    PeopleStore people, IPasswordHasher<PersonRecord> hasher, UnauthenticatedAudit unauthenticatedAudit, AuditLog auditLog, IOptions<AccessOptions> options,
    ILogger<PasswordSignIn> logger)
{
    public const string WrongCredentials = "Wrong user name or password.";

    /// <summary>The audit actor of a sign-in whose user name matches nobody (the typed text is kept only as a fingerprint).</summary>
    public const string UnknownUserActor = "unknown user";

    // Verified against when no password of a person may be checked, so that answer takes as long as a wrong password.
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
        var settings = options.Value;
        var reservation = person is null ? null : await people.ReserveSignInAttemptAsync(person.Id, settings.MaxFailedSignIns, settings.LockoutDuration, cancellationToken);
        if (person is null || reservation is null)
        {
            hasher.VerifyHashedPassword(null!, DecoyHash, password ?? string.Empty);
            // Often a password typed into the wrong box: neither the audit log (permanent) nor the log keeps it as typed.
            var fingerprint = typed.Length == 0 ? null : LogFingerprint.Of(typed);
            await unauthenticatedAudit.AppendAsync(source, UnauthenticatedFailure.UnknownUser, suppressed => AuditEventDraft.For(
                UnknownUserActor, "person.signInFailed", null,
                new { unknownUser = true, typed = fingerprint, source, suppressed = suppressed.Count, suppressedSince = suppressed.Since, note = suppressed.Note }), cancellationToken);
            LogFailed(fingerprint ?? "(nothing typed)", "unknown user");
            return PasswordSignInResult.Refused(WrongCredentials);
        }

        if (!reservation.Reserved)
        {
            hasher.VerifyHashedPassword(null!, DecoyHash, password ?? string.Empty);
            await unauthenticatedAudit.AppendAsync(source, UnauthenticatedFailure.LockedAccount, suppressed => AuditEventDraft.For(
                person.UserName, "person.signInRefused", null,
                new { personId = person.Id, reason = "locked out", until = reservation.LockedUntil, source, suppressed = suppressed.Count, suppressedSince = suppressed.Since, note = suppressed.Note }),
                cancellationToken);
            LogFailed(person.UserName, "locked out");
            return PasswordSignInResult.Refused(WrongCredentials);
        }

        if (person.PasswordHash is null
            || hasher.VerifyHashedPassword(person, person.PasswordHash, password ?? string.Empty) == PasswordVerificationResult.Failed)
        {
            await people.RecordFailedSignInAsync(person.Id, reservation, source, cancellationToken);
            LogFailed(person.UserName, "wrong password");
            return PasswordSignInResult.Refused(WrongCredentials);
        }

        if (person.Disabled)
        {
            await people.ReleaseSignInAttemptAsync(person.Id, cancellationToken);
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
