using Dashboard.Infrastructure.Persistence.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence.Access;

/// <summary>
/// Each person's local-time setting (<see cref="PersonRecord.LocalTimeZone"/>). Kept apart from
/// <see cref="PeopleStore"/> on purpose: a display preference is audited but issues no new security stamp,
/// so changing it never signs anyone out.
/// </summary>
public sealed class PersonTimeZoneStore(IDbContextFactory<WarRoomDbContext> contextFactory, StateUnitOfWork unitOfWork, AuditLog auditLog)
{
    /// <summary>The zone the person chose, or null (UTC only, or no such person).</summary>
    public async Task<string?> ReadAsync(string userName, CancellationToken cancellationToken = default)
    {
        var normalized = PeopleStore.Normalize(userName);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.People.AsNoTracking().Where(p => p.NormalizedUserName == normalized).Select(p => p.LocalTimeZone).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Stores <paramref name="zone"/> (null: UTC only) with a <c>person.timeDisplayChanged</c> event; false when there is no such person.</summary>
    public Task<bool> WriteAsync(string userName, string? zone, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(
            async db =>
            {
                var normalized = PeopleStore.Normalize(userName);
                if (await db.People.SingleOrDefaultAsync(p => p.NormalizedUserName == normalized, cancellationToken) is not { } person)
                {
                    return false;
                }

                person.LocalTimeZone = zone;
                await auditLog.AppendAsync(db, AuditEventDraft.For(person.UserName, "person.timeDisplayChanged", null, new
                {
                    personId = person.Id,
                    localTimeZone = zone,
                }), cancellationToken);
                return true;
            },
            cancellationToken);
}
