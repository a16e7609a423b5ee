using Dashboard.Infrastructure.Persistence.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// Persists people's checkpoint decisions with their audit event (<c>checkpoint.decided</c>) in one
/// transaction, so a decision nobody can trace is never stored and a stored one is never lost.
/// </summary>
public sealed class CheckpointDecisionStore(IDbContextFactory<WarRoomDbContext> contextFactory, StateUnitOfWork unitOfWork, AuditLog auditLog)
{
    /// <summary>Stores <paramref name="decision"/> and appends <paramref name="audit"/> in the same transaction.</summary>
    public Task AddAsync(CheckpointDecisionRecord decision, AuditEventDraft audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(audit);
        return unitOfWork.RunAsync(
            async db =>
            {
                db.CheckpointDecisions.Add(decision);
                await auditLog.AppendAsync(db, audit, cancellationToken);
                return true;
            },
            cancellationToken);
    }

    /// <summary>The decisions on one verdict, oldest first (the last one counts).</summary>
    public async Task<IReadOnlyList<CheckpointDecisionRecord>> ListAsync(Guid verdictId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var records = await db.CheckpointDecisions.AsNoTracking().Where(d => d.VerdictId == verdictId).ToListAsync(cancellationToken);
        return [.. records.OrderBy(d => d.DecidedAt)];
    }
}
