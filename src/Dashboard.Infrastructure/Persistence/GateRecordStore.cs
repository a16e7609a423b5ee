using Dashboard.Infrastructure.Persistence.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// The sign-offs and checklist ticks of the rollouts' gates. Each is stored in one transaction with its
/// audit event (<c>signOff.recorded</c>, <c>checklist.itemTicked</c>, <c>checklist.itemUnticked</c>), so a
/// gate never opens on a word the audit log does not hold. Append-only: nothing here updates or deletes.
/// </summary>
public sealed class GateRecordStore(IDbContextFactory<WarRoomDbContext> contextFactory, StateUnitOfWork unitOfWork, AuditLog auditLog)
{
    /// <summary>Stores <paramref name="signOff"/> and its audit event; <paramref name="phaseName"/> is for the audit log.</summary>
    public Task AddSignOffAsync(SignOffRecord signOff, string phaseName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signOff);
        var audit = AuditEventDraft.For(signOff.By, "signOff.recorded", signOff.RolloutId, new
        {
            signOffId = signOff.Id,
            phaseIndex = signOff.PhaseIndex,
            phase = phaseName,
            role = signOff.Role,
            decision = signOff.Decision,
            comment = signOff.Comment,
        });
        return unitOfWork.RunAsync(
            async db =>
            {
                db.SignOffs.Add(signOff);
                await auditLog.AppendAsync(db, audit, cancellationToken);
                return true;
            },
            cancellationToken);
    }

    /// <summary>Stores <paramref name="tick"/> and its audit event; <paramref name="phaseName"/> and <paramref name="itemText"/> are for the audit log.</summary>
    public Task AddTickAsync(ChecklistTickRecord tick, string phaseName, string itemText, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tick);
        var audit = AuditEventDraft.For(tick.By, tick.Ticked ? "checklist.itemTicked" : "checklist.itemUnticked", tick.RolloutId, new
        {
            tickId = tick.Id,
            phaseIndex = tick.PhaseIndex,
            phase = phaseName,
            templateId = tick.TemplateId,
            itemId = tick.ItemId,
            item = itemText,
        });
        return unitOfWork.RunAsync(
            async db =>
            {
                db.ChecklistTicks.Add(tick);
                await auditLog.AppendAsync(db, audit, cancellationToken);
                return true;
            },
            cancellationToken);
    }

    /// <summary>The sign-offs and ticks of phase <paramref name="phaseIndex"/> given at or after <paramref name="since"/> (the start of its current run).</summary>
    public async Task<GateRecords> ListAsync(Guid rolloutId, int phaseIndex, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var signOffs = await db.SignOffs.AsNoTracking()
            .Where(s => s.RolloutId == rolloutId && s.PhaseIndex == phaseIndex && s.At >= since)
            .OrderBy(s => s.At)
            .ToListAsync(cancellationToken);
        var ticks = await db.ChecklistTicks.AsNoTracking()
            .Where(t => t.RolloutId == rolloutId && t.PhaseIndex == phaseIndex && t.At >= since)
            .OrderBy(t => t.At)
            .ToListAsync(cancellationToken);
        return new GateRecords(signOffs, ticks);
    }
}
