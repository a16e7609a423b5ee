using System.Security.Cryptography;
using Dashboard.Infrastructure.Persistence.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence.Access;

/// <summary>
/// People and their sign-in state. Every change is one transaction with its audit event, and every change
/// that affects what a session may do (roles, password, disabling) issues a new security stamp.
/// </summary>
public sealed class PeopleStore(IDbContextFactory<WarRoomDbContext> contextFactory, StateUnitOfWork unitOfWork, AuditLog auditLog, TimeProvider timeProvider)
{
    public static string Normalize(string userName) => userName.Trim().ToLowerInvariant();

    public static string NewSecurityStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.People.AnyAsync(cancellationToken);
    }

    public async Task<PersonRecord?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
    }

    public async Task<PersonRecord?> FindByUserNameAsync(string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var normalized = Normalize(userName);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.NormalizedUserName == normalized, cancellationToken);
    }

    public async Task<PersonRecord?> FindByExternalIdAsync(string externalId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.ExternalId == externalId, cancellationToken);
    }

    /// <summary>Everyone, by user name.</summary>
    public async Task<IReadOnlyList<PersonRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var people = await db.People.AsNoTracking().ToListAsync(cancellationToken);
        return [.. people.OrderBy(p => p.NormalizedUserName, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Stores a new person with a <c>person.created</c> event; null when the user name is taken. With
    /// <paramref name="onlyIfNobodyExists"/> the person is created only into an empty table (first-run set-up:
    /// two set-up requests racing create one admin).
    /// </summary>
    public Task<PersonRecord?> CreateAsync(PersonDraft draft, string by, bool onlyIfNobodyExists = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return unitOfWork.RunAsync<PersonRecord?>(
            async db =>
            {
                var normalized = Normalize(draft.UserName);
                if ((onlyIfNobodyExists && await db.People.AnyAsync(cancellationToken))
                    || await db.People.AnyAsync(p => p.NormalizedUserName == normalized, cancellationToken))
                {
                    return null;
                }

                var person = new PersonRecord
                {
                    Id = Guid.NewGuid(),
                    UserName = draft.UserName.Trim(),
                    NormalizedUserName = normalized,
                    DisplayName = draft.DisplayName.Trim(),
                    PasswordHash = draft.PasswordHash,
                    Roles = draft.Roles,
                    SecurityStamp = NewSecurityStamp(),
                    ExternalId = draft.ExternalId,
                    CreatedAt = timeProvider.GetUtcNow(),
                    CreatedBy = by,
                };
                db.People.Add(person);
                await auditLog.AppendAsync(db, AuditEventDraft.For(by, "person.created", null, new
                {
                    personId = person.Id,
                    userName = person.UserName,
                    displayName = person.DisplayName,
                    roles = person.Roles,
                    signIn = person.ExternalId is null ? "password" : "openIdConnect",
                }), cancellationToken);
                return person;
            },
            cancellationToken);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the person, issues a new security stamp and appends
    /// <paramref name="auditKind"/> with <paramref name="payload"/>; null when there is no such person.
    /// </summary>
    public Task<PersonRecord?> UpdateAsync(
        Guid id, Action<PersonRecord> change, string by, string auditKind, object payload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return unitOfWork.RunAsync<PersonRecord?>(
            async db =>
            {
                var person = await db.People.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
                if (person is null)
                {
                    return null;
                }

                change(person);
                person.SecurityStamp = NewSecurityStamp();
                person.Version++;
                await auditLog.AppendAsync(db, AuditEventDraft.For(by, auditKind, null, payload), cancellationToken);
                return person;
            },
            cancellationToken);
    }

    /// <summary>
    /// Decides and applies a change to the person in one write transaction in which <paramref name="decide"/> sees
    /// everyone as stored, so a rule over all people (one enabled admin must remain) cannot race another change.
    /// <paramref name="decide"/> changes the person and returns <see cref="PersonEdit.Applied"/>, or leaves it alone
    /// and returns <see cref="PersonEdit.Unchanged"/> or <see cref="PersonEdit.Refused"/>. Only an applied change
    /// issues a new security stamp and appends <paramref name="auditKind"/>; a refusal stores nothing.
    /// Person is null when there is no such person.
    /// </summary>
    public Task<(PersonRecord? Person, string? Refusal)> EditAsync(
        Guid id, Func<PersonRecord, IReadOnlyList<PersonRecord>, PersonEdit> decide, string by, string auditKind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decide);
        return unitOfWork.RunAsync<(PersonRecord?, string?)>(
            async db =>
            {
                var everyone = await db.People.ToListAsync(cancellationToken);
                if (everyone.SingleOrDefault(p => p.Id == id) is not { } person)
                {
                    return (null, null);
                }

                var edit = decide(person, everyone);
                if (edit.AuditPayload is { } payload)
                {
                    person.SecurityStamp = NewSecurityStamp();
                    person.Version++;
                    await auditLog.AppendAsync(db, AuditEventDraft.For(by, auditKind, null, payload), cancellationToken);
                }
                else
                {
                    // Whatever decide did, nothing unapplied is saved.
                    db.ChangeTracker.Clear();
                }

                return (person, edit.Refusal);
            },
            cancellationToken);
    }

    /// <summary>
    /// Reserves one password attempt for the person BEFORE the password is checked, in one write transaction: a
    /// locked-out person gets no attempt; otherwise the failure count goes up now, and the attempt that reaches
    /// <paramref name="maxFailures"/> locks the person for <paramref name="lockout"/> at once. So however many
    /// sign-ins race, at most <paramref name="maxFailures"/> passwords are checked before the lock holds. A right
    /// password then clears count and lock (<see cref="RecordSignInAsync"/>, <see cref="ReleaseSignInAttemptAsync"/>);
    /// a wrong one is audited by <see cref="RecordFailedSignInAsync"/>. Null when there is no such person.
    /// </summary>
    public Task<SignInReservation?> ReserveSignInAttemptAsync(Guid id, int maxFailures, TimeSpan lockout, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<SignInReservation?>(
            async db =>
            {
                var person = await db.People.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
                if (person is null)
                {
                    return null;
                }

                var now = timeProvider.GetUtcNow();
                if (person.LockedUntil is { } until && until > now)
                {
                    return SignInReservation.Locked(until);
                }

                var attempt = ++person.FailedSignIns;
                if (attempt < maxFailures)
                {
                    return new SignInReservation(true, attempt, null);
                }

                person.LockedUntil = now + lockout;
                person.FailedSignIns = 0;
                return new SignInReservation(true, attempt, person.LockedUntil);
            },
            cancellationToken);

    /// <summary>
    /// Audits a wrong password of a reserved attempt (<c>person.signInFailed</c>, and <c>person.lockedOut</c> when the
    /// reservation set the lock). The count and the lock were stored by <see cref="ReserveSignInAttemptAsync"/>.
    /// </summary>
    public Task RecordFailedSignInAsync(Guid id, SignInReservation reservation, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        return unitOfWork.RunAsync(
            async db =>
            {
                var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
                if (person is null)
                {
                    return false;
                }

                await auditLog.AppendAsync(db, AuditEventDraft.For(person.UserName, "person.signInFailed", null, new
                {
                    personId = person.Id,
                    failures = reservation.Attempt,
                    source,
                }), cancellationToken);
                if (reservation.LockedUntil is { } until)
                {
                    await auditLog.AppendAsync(db, AuditEventDraft.For(person.UserName, "person.lockedOut", null, new
                    {
                        personId = person.Id,
                        until,
                        source,
                    }), cancellationToken);
                }

                return true;
            },
            cancellationToken);
    }

    /// <summary>Gives back a reserved attempt whose password was right but which did not sign in (a disabled person): clears count and lock.</summary>
    public Task ReleaseSignInAttemptAsync(Guid id, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(
            async db =>
            {
                var person = await db.People.SingleAsync(p => p.Id == id, cancellationToken);
                person.FailedSignIns = 0;
                person.LockedUntil = null;
                return true;
            },
            cancellationToken);

    /// <summary>Records a successful sign-in (<c>person.signedIn</c>) and clears the failure count.</summary>
    public Task RecordSignInAsync(Guid id, string method, string source, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(
            async db =>
            {
                var person = await db.People.SingleAsync(p => p.Id == id, cancellationToken);
                person.FailedSignIns = 0;
                person.LockedUntil = null;
                person.LastSignInAt = timeProvider.GetUtcNow();
                await auditLog.AppendAsync(db, AuditEventDraft.For(person.UserName, "person.signedIn", null, new
                {
                    personId = person.Id,
                    method,
                    source,
                }), cancellationToken);
                return true;
            },
            cancellationToken);
}
