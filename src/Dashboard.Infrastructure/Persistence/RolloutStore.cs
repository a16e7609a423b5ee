using Dashboard.Infrastructure.Persistence.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// Rollouts and their phases. Every write commits together with its audit event; every update is
/// checked against the version the caller decided on.
/// </summary>
public sealed class RolloutStore(IDbContextFactory<WarRoomDbContext> contextFactory, StateUnitOfWork unitOfWork, AuditLog auditLog)
{
    /// <summary>Stores a new rollout with its phases (version 1).</summary>
    public Task<RolloutRecord> CreateAsync(RolloutRecord rollout, AuditEntry audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        return unitOfWork.RunAsync(
            async db =>
            {
                rollout.Version = 1;
                foreach (var phase in rollout.Phases)
                {
                    phase.RolloutId = rollout.Id;
                }

                db.Rollouts.Add(rollout);
                await auditLog.AppendAsync(db, audit, cancellationToken);
                return rollout;
            },
            cancellationToken);
    }

    /// <summary>The rollout with its phases in plan order, or null.</summary>
    public async Task<RolloutRecord?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rollout = await db.Rollouts.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        rollout?.Phases.Sort((a, b) => a.Index.CompareTo(b.Index));
        return rollout;
    }

    /// <summary>All rollouts, newest first, with their phases in plan order.</summary>
    public async Task<IReadOnlyList<RolloutRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rollouts = await db.Rollouts.AsNoTracking().OrderByDescending(r => r.CreatedAt).ToListAsync(cancellationToken);
        foreach (var rollout in rollouts)
        {
            rollout.Phases.Sort((a, b) => a.Index.CompareTo(b.Index));
        }

        return rollouts;
    }

    /// <summary>
    /// Loads the rollout, refuses with <see cref="ConcurrencyConflictException"/> unless it is still at
    /// <paramref name="expectedVersion"/>, lets <paramref name="apply"/> change it (and its phases) and
    /// return the audit event that describes the change, then saves both at the next version.
    /// </summary>
    /// <exception cref="RolloutNotFoundException">No rollout has this id.</exception>
    public Task<RolloutRecord> UpdateAsync(Guid id, long expectedVersion, Func<RolloutRecord, AuditEntry> apply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(apply);
        return unitOfWork.RunAsync(
            async db =>
            {
                var rollout = await db.Rollouts.SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
                    ?? throw new RolloutNotFoundException(id);
                if (rollout.Version != expectedVersion)
                {
                    throw new ConcurrencyConflictException(id, expectedVersion, rollout.Version);
                }

                var audit = apply(rollout);
                await auditLog.AppendAsync(db, audit, cancellationToken);
                await SaveCheckedAsync(db, id, expectedVersion, cancellationToken);
                rollout.Phases.Sort((a, b) => a.Index.CompareTo(b.Index));
                return rollout;
            },
            cancellationToken);
    }

    /// <summary>
    /// Saves, turning EF's "the row was not where we left it" into a conflict the caller can act on.
    /// The version check in the UPDATE's WHERE clause is what guards databases without a write lock
    /// held for the whole transaction (PostgreSQL); on SQLite the immediate transaction already does.
    /// </summary>
    internal static async Task SaveCheckedAsync(WarRoomDbContext db, Guid rolloutId, long expectedVersion, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(rolloutId, expectedVersion, null, ex);
        }
    }
}
