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
    /// Counts a failed password for the person and locks them out for <paramref name="lockout"/> once
    /// <paramref name="maxFailures"/> are reached (<c>person.signInFailed</c>, then <c>person.lockedOut</c>).
    /// Returns the person as stored.
    /// </summary>
    public Task<PersonRecord?> RecordFailedSignInAsync(Guid id, int maxFailures, TimeSpan lockout, string source, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync<PersonRecord?>(
            async db =>
            {
                var person = await db.People.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
                if (person is null)
                {
                    return null;
                }

                var now = timeProvider.GetUtcNow();
                person.FailedSignIns++;
                await auditLog.AppendAsync(db, AuditEventDraft.For(person.UserName, "person.signInFailed", null, new
                {
                    personId = person.Id,
                    failures = person.FailedSignIns,
                    source,
                }), cancellationToken);
                if (person.FailedSignIns >= maxFailures)
                {
                    person.LockedUntil = now + lockout;
                    person.FailedSignIns = 0;
                    await auditLog.AppendAsync(db, AuditEventDraft.For(person.UserName, "person.lockedOut", null, new
                    {
                        personId = person.Id,
                        until = person.LockedUntil,
                        source,
                    }), cancellationToken);
                }

                return person;
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
