using Dashboard.Core.Rollouts;
using Dashboard.Core.Rollouts.Events;
using Dashboard.Infrastructure.Persistence.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// Saves and loads rollouts. A save stores the aggregate's snapshot, appends each of the command's
/// events to the audit log and records each requested traffic change — all in one transaction, and
/// only if nobody saved the rollout since it was loaded.
/// </summary>
public sealed class RolloutStore(IDbContextFactory<WarRoomDbContext> contextFactory, StateUnitOfWork unitOfWork, AuditLog auditLog, TimeProvider timeProvider)
{
    /// <summary>Stores a rollout just created by <see cref="Rollout.Create"/> with its creation events.</summary>
    public Task CreateAsync(Rollout rollout, IReadOnlyList<RolloutEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        return unitOfWork.RunAsync(
            async db =>
            {
                ArgumentNullException.ThrowIfNull(events);
                db.Rollouts.Add(rollout.ToSnapshot().ToRecord(timeProvider.GetUtcNow()));
                foreach (var rolloutEvent in events)
                {
                    await auditLog.AppendAsync(db, AuditEventDraft.For(rolloutEvent), cancellationToken);
                }

                return rollout;
            },
            cancellationToken);
    }

    /// <summary>
    /// Stores the rollout after a command, with the command's events. Returns the traffic changes the
    /// events asked for, recorded as requested: the caller hands them to the router and settles each
    /// with <see cref="TrafficChangeLog.RecordOutcomeAsync"/>.
    /// </summary>
    /// <param name="rollout">The aggregate after the command.</param>
    /// <param name="expectedVersion">The version the rollout had when it was loaded.</param>
    /// <param name="events">What the command returned, in order.</param>
    /// <param name="source">Where the command came from; recorded on each traffic change.</param>
    /// <param name="cancellationToken">Cancels the save; nothing is stored then.</param>
    /// <exception cref="RolloutNotFoundException">No rollout has this id.</exception>
    /// <exception cref="ConcurrencyConflictException">The stored rollout is no longer at <paramref name="expectedVersion"/>.</exception>
    public Task<IReadOnlyList<TrafficChange>> SaveAsync(
        Rollout rollout, int expectedVersion, IReadOnlyList<RolloutEvent> events, TrafficChangeSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        return unitOfWork.RunAsync(
            async db =>
            {
                var record = await db.Rollouts.SingleOrDefaultAsync(r => r.Id == rollout.Id, cancellationToken)
                    ?? throw new RolloutNotFoundException(rollout.Id);
                if (record.Version != expectedVersion)
                {
                    throw new ConcurrencyConflictException(rollout.Id, expectedVersion, record.Version);
                }

                record.CopyFrom(rollout.ToSnapshot(), timeProvider.GetUtcNow());
                var changes = await RecordEventsAsync(db, events, source, cancellationToken);
                await SaveCheckedAsync(db, rollout.Id, expectedVersion, cancellationToken);
                return changes;
            },
            cancellationToken);
    }

    /// <summary>The stored rollout as Core's aggregate, ready for a command, or null.</summary>
    public async Task<Rollout?> LoadAsync(Guid id, CancellationToken cancellationToken = default) =>
        await FindAsync(id, cancellationToken) is { } snapshot ? Rollout.FromSnapshot(snapshot) : null;

    /// <summary>The stored rollout with its phases in plan order, or null.</summary>
    public async Task<RolloutSnapshot?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.Rollouts.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return record?.ToSnapshot();
    }

    /// <summary>When the rollout was last saved (by any command), or null when there is no such rollout.</summary>
    public async Task<DateTimeOffset?> LastSavedAtAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var saved = await db.Rollouts.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.UpdatedAt }).SingleOrDefaultAsync(cancellationToken);
        return saved?.UpdatedAt;
    }

    /// <summary>All rollouts, newest first.</summary>
    public async Task<IReadOnlyList<RolloutSnapshot>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var records = await db.Rollouts.AsNoTracking().OrderByDescending(r => r.CreatedAt).ToListAsync(cancellationToken);
        return [.. records.Select(r => r.ToSnapshot())];
    }

    /// <summary>
    /// The rollout that started last, whatever its status now, or null when none ever started: its
    /// <see cref="Rollout.CanaryWeightPercent"/> is the weight the router should run.
    /// </summary>
    public async Task<RolloutSnapshot?> FindLatestStartedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.Rollouts.AsNoTracking()
            .Where(r => r.StartedAt != null)
            .OrderByDescending(r => r.StartedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return record?.ToSnapshot();
    }

    private async Task<IReadOnlyList<TrafficChange>> RecordEventsAsync(
        WarRoomDbContext db, IReadOnlyList<RolloutEvent> events, TrafficChangeSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var changes = new List<TrafficChange>();
        foreach (var rolloutEvent in events)
        {
            await auditLog.AppendAsync(db, AuditEventDraft.For(rolloutEvent), cancellationToken);
            if (rolloutEvent is TrafficChangeRequested requested)
            {
                var change = TrafficChange.FromRequest(Guid.NewGuid(), requested);
                db.TrafficChanges.Add(change.ToRecord(source));
                changes.Add(change);
            }
        }

        return changes;
    }

    /// <summary>
    /// Saves, turning EF's "the row was not where we left it" into a conflict the caller can act on.
    /// The version check in the UPDATE's WHERE clause is what guards databases where the transaction
    /// does not hold the write lock from its start (PostgreSQL); on SQLite the immediate transaction does.
    /// </summary>
    private static async Task SaveCheckedAsync(WarRoomDbContext db, Guid rolloutId, int expectedVersion, CancellationToken cancellationToken)
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
