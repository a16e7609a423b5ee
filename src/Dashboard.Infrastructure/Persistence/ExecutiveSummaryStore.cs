using Dashboard.Infrastructure.Persistence.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// Persists executive summaries with their audit event in one transaction, at most once per milestone of a
/// phase run, and reads them back unchanged. There is no update and no delete.
/// </summary>
public sealed class ExecutiveSummaryStore(IDbContextFactory<WarRoomDbContext> contextFactory, StateUnitOfWork unitOfWork, AuditLog auditLog)
{
    /// <summary>Stores <paramref name="summary"/> unless its milestone already has one; returns false then.</summary>
    public Task<bool> TryAddAsync(ExecutiveSummaryRecord summary, string actor, object auditPayload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return unitOfWork.RunAsync(
            async db =>
            {
                if (await db.ExecutiveSummaries.AnyAsync(
                        s => s.RolloutId == summary.RolloutId && s.PhaseIndex == summary.PhaseIndex
                            && s.PhaseStartedAt == summary.PhaseStartedAt && s.Milestone == summary.Milestone,
                        cancellationToken))
                {
                    return false;
                }

                db.ExecutiveSummaries.Add(summary);
                await auditLog.AppendAsync(db, AuditEventDraft.For(actor, "summary.generated", summary.RolloutId, auditPayload), cancellationToken);
                return true;
            },
            cancellationToken);
    }

    /// <summary>The rollout's summaries in the order their periods ended.</summary>
    public async Task<IReadOnlyList<ExecutiveSummaryRecord>> ListAsync(Guid rolloutId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var records = await db.ExecutiveSummaries.AsNoTracking().Where(s => s.RolloutId == rolloutId).ToListAsync(cancellationToken);
        return [.. records.OrderBy(s => s.PeriodEnd).ThenBy(s => s.GeneratedAt)];
    }

    public async Task<ExecutiveSummaryRecord?> FindAsync(Guid rolloutId, Guid summaryId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.ExecutiveSummaries.AsNoTracking().SingleOrDefaultAsync(s => s.Id == summaryId && s.RolloutId == rolloutId, cancellationToken);
    }
}
