using Dashboard.Infrastructure.Persistence.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// The record of every traffic change: written as requested before the router is called, then moved
/// to applied (with the weight the router read back) or failed (with the router's message). Only an
/// applied change moves the rollout's recorded weight, so nothing shows as applied that the router
/// did not confirm.
/// </summary>
public sealed class TrafficChangeLog(IDbContextFactory<WarRoomDbContext> contextFactory, StateUnitOfWork unitOfWork, AuditLog auditLog, TimeProvider timeProvider)
{
    public Task<TrafficChangeRecord> RecordRequestedAsync(TrafficChangeRecord change, AuditEntry audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return unitOfWork.RunAsync(
            async db =>
            {
                if (!await db.Rollouts.AnyAsync(r => r.Id == change.RolloutId, cancellationToken))
                {
                    throw new RolloutNotFoundException(change.RolloutId);
                }

                change.Status = TrafficChangeStatus.Requested;
                change.AppliedAt = null;
                change.ReadBackPercent = null;
                db.TrafficChanges.Add(change);
                await auditLog.AppendAsync(db, audit, cancellationToken);
                return change;
            },
            cancellationToken);
    }

    /// <summary>
    /// Marks a requested change applied and, in the same transaction, sets the rollout's canary weight
    /// and its phase's traffic to the weight the router read back (a new rollout version).
    /// </summary>
    public Task<TrafficChangeRecord> RecordAppliedAsync(Guid changeId, int readBackPercent, string? routerMessage, AuditEntry audit, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(
            async db =>
            {
                var change = await FindRequestedAsync(db, changeId, cancellationToken);
                var now = timeProvider.GetUtcNow();
                change.Status = TrafficChangeStatus.Applied;
                change.AppliedAt = now;
                change.ReadBackPercent = readBackPercent;
                change.RouterMessage = routerMessage;

                var rollout = await db.Rollouts.SingleOrDefaultAsync(r => r.Id == change.RolloutId, cancellationToken)
                    ?? throw new RolloutNotFoundException(change.RolloutId);
                var version = rollout.Version;
                rollout.CanaryWeightPercent = readBackPercent;
                rollout.UpdatedAt = now;
                var phase = rollout.Phases.Find(p => p.Index == change.PhaseIndex);
                if (phase is not null)
                {
                    phase.TrafficPercent = readBackPercent;
                }

                await auditLog.AppendAsync(db, audit, cancellationToken);
                await RolloutStore.SaveCheckedAsync(db, rollout.Id, version, cancellationToken);
                return change;
            },
            cancellationToken);

    /// <summary>Marks a requested change failed with the router's message; the rollout's weight stays as it was.</summary>
    public Task<TrafficChangeRecord> RecordFailedAsync(Guid changeId, string routerMessage, AuditEntry audit, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(
            async db =>
            {
                var change = await FindRequestedAsync(db, changeId, cancellationToken);
                change.Status = TrafficChangeStatus.Failed;
                change.RouterMessage = routerMessage;
                await auditLog.AppendAsync(db, audit, cancellationToken);
                return change;
            },
            cancellationToken);

    public async Task<TrafficChangeRecord?> FindAsync(Guid changeId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.TrafficChanges.AsNoTracking().SingleOrDefaultAsync(t => t.Id == changeId, cancellationToken);
    }

    /// <summary>The rollout's traffic changes, oldest first.</summary>
    public async Task<IReadOnlyList<TrafficChangeRecord>> ListAsync(Guid rolloutId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.TrafficChanges.AsNoTracking()
            .Where(t => t.RolloutId == rolloutId)
            .OrderBy(t => t.RequestedAt)
            .ToListAsync(cancellationToken);
    }

    private static async Task<TrafficChangeRecord> FindRequestedAsync(WarRoomDbContext db, Guid changeId, CancellationToken cancellationToken)
    {
        var change = await db.TrafficChanges.SingleOrDefaultAsync(t => t.Id == changeId, cancellationToken)
            ?? throw new InvalidOperationException($"Traffic change {changeId} does not exist.");

        // A change is settled once; a second outcome would rewrite what the router was seen to do.
        return change.Status == TrafficChangeStatus.Requested
            ? change
            : throw new InvalidOperationException($"Traffic change {changeId} is already {change.Status}; only a requested change can be settled.");
    }
}
