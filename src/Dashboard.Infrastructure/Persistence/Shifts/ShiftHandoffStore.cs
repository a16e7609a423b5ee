using Dashboard.Infrastructure.Persistence.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence.Shifts;

/// <summary>
/// Handoff records. Each step — handed off, acknowledged, flagged as unacknowledged — is one transaction with its
/// audit event (<c>shift.handedOff</c>, <c>shift.acknowledged</c>, <c>shift.handoffOverdue</c>), checked against the
/// stored record inside it, so two people racing cannot both hand off or both acknowledge.
/// </summary>
public sealed class ShiftHandoffStore(IDbContextFactory<WarRoomDbContext> contextFactory, StateUnitOfWork unitOfWork, AuditLog auditLog, TimeProvider timeProvider)
{
    public async Task<ShiftHandoffRecord?> FindAsync(string shiftId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.ShiftHandoffs.AsNoTracking().SingleOrDefaultAsync(h => h.ShiftId == shiftId, cancellationToken);
    }

    /// <summary>The records of <paramref name="shiftIds"/> that exist, by shift id.</summary>
    public async Task<IReadOnlyDictionary<string, ShiftHandoffRecord>> FindAllAsync(IReadOnlyCollection<string> shiftIds, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.ShiftHandoffs.AsNoTracking().Where(h => shiftIds.Contains(h.ShiftId)).ToDictionaryAsync(h => h.ShiftId, StringComparer.Ordinal, cancellationToken);
    }

    public Task<HandoffChange> HandOffAsync(string shiftId, string notes, string risks, string by, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(
            async db =>
            {
                var handoff = await FindOrAddAsync(db, shiftId, cancellationToken);
                if (handoff.HandedOffAt is not null)
                {
                    return HandoffChange.Refused(HandoffRefusal.AlreadyHandedOff, handoff);
                }

                handoff.Notes = notes;
                handoff.Risks = risks;
                handoff.HandedOffBy = by;
                handoff.HandedOffAt = timeProvider.GetUtcNow();
                await auditLog.AppendAsync(db, AuditEventDraft.For(by, "shift.handedOff", null, new { shiftId, notes, risks }), cancellationToken);
                return HandoffChange.Done(handoff);
            },
            cancellationToken);

    public Task<HandoffChange> AcknowledgeAsync(string shiftId, string? question, string by, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(
            async db =>
            {
                var handoff = await db.ShiftHandoffs.SingleOrDefaultAsync(h => h.ShiftId == shiftId, cancellationToken);
                if (handoff?.HandedOffAt is null)
                {
                    return HandoffChange.Refused(HandoffRefusal.NotHandedOff, handoff);
                }

                if (handoff.AcknowledgedAt is not null)
                {
                    return HandoffChange.Refused(HandoffRefusal.AlreadyAcknowledged, handoff);
                }

                handoff.AcknowledgedBy = by;
                handoff.AcknowledgedAt = timeProvider.GetUtcNow();
                handoff.Question = question;
                await auditLog.AppendAsync(db, AuditEventDraft.For(by, "shift.acknowledged", null, new { shiftId, question }), cancellationToken);
                return HandoffChange.Done(handoff);
            },
            cancellationToken);

    /// <summary>
    /// Marks the handoff of <paramref name="shiftId"/> as unacknowledged after the change; true only the first time
    /// (and never once acknowledged), so the caller sends it once, even across restarts.
    /// </summary>
    public Task<bool> FlagOverdueAsync(string shiftId, string by, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(
            async db =>
            {
                var handoff = await FindOrAddAsync(db, shiftId, cancellationToken);
                if (handoff.AcknowledgedAt is not null || handoff.OverdueFlaggedAt is not null)
                {
                    return false;
                }

                handoff.OverdueFlaggedAt = timeProvider.GetUtcNow();
                await auditLog.AppendAsync(
                    db, AuditEventDraft.For(by, "shift.handoffOverdue", null, new { shiftId, handedOff = handoff.HandedOffAt is not null }), cancellationToken);
                return true;
            },
            cancellationToken);

    private static async Task<ShiftHandoffRecord> FindOrAddAsync(WarRoomDbContext db, string shiftId, CancellationToken cancellationToken)
    {
        if (await db.ShiftHandoffs.SingleOrDefaultAsync(h => h.ShiftId == shiftId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var added = new ShiftHandoffRecord { ShiftId = shiftId };
        db.ShiftHandoffs.Add(added);
        return added;
    }
}
