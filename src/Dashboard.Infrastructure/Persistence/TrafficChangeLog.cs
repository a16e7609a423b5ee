using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// Traffic changes after the request: <see cref="RolloutStore.SaveAsync"/> records them as
/// requested before the router is called; this settles each as applied (the router read the weight
/// back) or failed (with the router's message), and lists them.
/// </summary>
public sealed class TrafficChangeLog(IDbContextFactory<WarRoomDbContext> contextFactory, StateUnitOfWork unitOfWork, AuditLog auditLog)
{
    /// <summary>
    /// Stores the outcome Core decided (<see cref="TrafficChange.Confirm"/> or <see cref="TrafficChange.Fail"/>)
    /// and audits it as <c>traffic.changeApplied</c> or <c>traffic.changeFailed</c> under the requester's name.
    /// </summary>
    /// <exception cref="InvalidOperationException">The change is unknown or was already settled.</exception>
    public Task RecordOutcomeAsync(TrafficChange settled, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settled);
        if (settled.Status == TrafficChangeStatus.Requested)
        {
            throw new ArgumentException($"Traffic change {settled.Id} is not settled yet.", nameof(settled));
        }

        return unitOfWork.RunAsync(
            async db =>
            {
                var record = await db.TrafficChanges.SingleOrDefaultAsync(t => t.Id == settled.Id, cancellationToken)
                    ?? throw new InvalidOperationException($"Traffic change {settled.Id} does not exist.");

                // A change is settled once; a second outcome would rewrite what the router was seen to do.
                if (record.Status != TrafficChangeStatus.Requested)
                {
                    throw new InvalidOperationException($"Traffic change {settled.Id} is already {record.Status}; only a requested change can be settled.");
                }

                record.Status = settled.Status;
                record.SettledAt = settled.SettledAt;
                record.ReadBackPercent = settled.ReadBackPercent;
                record.FailureMessage = settled.FailureMessage;
                var kind = settled.Status == TrafficChangeStatus.Applied ? "traffic.changeApplied" : "traffic.changeFailed";
                var payload = new
                {
                    changeId = settled.Id,
                    settled.PhaseIndex,
                    settled.FromPercent,
                    settled.ToPercent,
                    settled.ReadBackPercent,
                    settled.FailureMessage,
                    settled.SettledAt,
                };
                return await auditLog.AppendAsync(db, AuditEventDraft.For(settled.RequestedBy, kind, settled.RolloutId, payload), cancellationToken);
            },
            cancellationToken);
    }

    public async Task<TrafficChangeRecord?> FindAsync(Guid changeId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.TrafficChanges.AsNoTracking().SingleOrDefaultAsync(t => t.Id == changeId, cancellationToken);
    }

    /// <summary>
    /// When the rollout's latest traffic change settled, or was asked while it is unsettled; null when it has none.
    /// Read every guardrail poll, so it reads one row, not the log.
    /// </summary>
    public async Task<DateTimeOffset?> LatestChangeAtAsync(Guid rolloutId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var latest = await db.TrafficChanges.AsNoTracking()
            .Where(t => t.RolloutId == rolloutId)
            .OrderByDescending(t => t.RequestedAt)
            .Select(t => new { t.RequestedAt, t.SettledAt })
            .FirstOrDefaultAsync(cancellationToken);
        return latest is null ? null : latest.SettledAt ?? latest.RequestedAt;
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
}
