using Dashboard.Infrastructure.Persistence.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence.Shifts;

/// <summary>
/// The roster: defaults by pattern (and weekday) and one-off overrides by shift. A batch of assignments is one
/// transaction with its audit event (<c>roster.changed</c>), so a roster is never half-saved.
/// </summary>
public sealed class RosterStore(IDbContextFactory<WarRoomDbContext> contextFactory, StateUnitOfWork unitOfWork, AuditLog auditLog, TimeProvider timeProvider)
{
    /// <summary>Every default, by pattern then day.</summary>
    public async Task<IReadOnlyList<RosterAssignmentRecord>> DefaultsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var defaults = await db.RosterAssignments.AsNoTracking().Where(r => r.ShiftId == null).ToListAsync(cancellationToken);
        return [.. defaults.OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Day, StringComparer.Ordinal)];
    }

    /// <summary>The overrides of shifts with ids from <paramref name="fromId"/> to <paramref name="toId"/> (ids sort as their starts do).</summary>
    public async Task<IReadOnlyList<RosterAssignmentRecord>> OverridesAsync(string fromId, string toId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var overrides = await db.RosterAssignments.AsNoTracking()
            .Where(r => r.ShiftId != null && string.Compare(r.ShiftId, fromId) >= 0 && string.Compare(r.ShiftId, toId) <= 0)
            .ToListAsync(cancellationToken);
        return [.. overrides.OrderBy(r => r.ShiftId, StringComparer.Ordinal)];
    }

    /// <summary>Creates or replaces each assignment by its key, all or none, with one <c>roster.changed</c> event.</summary>
    public Task SaveAsync(IReadOnlyList<RosterAssignmentDraft> drafts, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        return unitOfWork.RunAsync(
            async db =>
            {
                var now = timeProvider.GetUtcNow();
                var keys = drafts.Select(d => d.Key).ToList();
                var existing = await db.RosterAssignments.Where(r => keys.Contains(r.Key)).ToDictionaryAsync(r => r.Key, StringComparer.Ordinal, cancellationToken);
                foreach (var draft in drafts)
                {
                    if (!existing.TryGetValue(draft.Key, out var record))
                    {
                        record = new RosterAssignmentRecord { Id = Guid.NewGuid(), Key = draft.Key, UpdatedBy = by };
                        db.RosterAssignments.Add(record);
                    }

                    record.Pattern = draft.Pattern;
                    record.Day = draft.Day?.ToString();
                    record.ShiftId = draft.ShiftId;
                    record.Primary = draft.Primary;
                    record.Secondary = draft.Secondary;
                    record.Leads = string.Join(',', draft.Leads);
                    record.UpdatedAt = now;
                    record.UpdatedBy = by;
                }

                await auditLog.AppendAsync(db, AuditEventDraft.For(by, "roster.changed", null, new { assignments = drafts }), cancellationToken);
                return true;
            },
            cancellationToken);
    }

    /// <summary>Removes the override of <paramref name="shiftId"/> (the defaults apply again); false when there was none.</summary>
    public Task<bool> RemoveOverrideAsync(string shiftId, string by, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(
            async db =>
            {
                var key = RosterKeys.Override(shiftId);
                if (await db.RosterAssignments.SingleOrDefaultAsync(r => r.Key == key, cancellationToken) is not { } record)
                {
                    return false;
                }

                db.RosterAssignments.Remove(record);
                await auditLog.AppendAsync(db, AuditEventDraft.For(by, "roster.overrideRemoved", null, new { shiftId }), cancellationToken);
                return true;
            },
            cancellationToken);
}
