using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence.Audit;

/// <summary>
/// Bounded reads of the audit log for reviews of a time window (docs/shift-review.md): each method is one
/// query whatever the number of events, filtered by kind in the database, never one query per event. Rows come
/// without their chain hashes (<see cref="AuditEventRecord.Hash"/> is empty): verify the chain with <see cref="AuditLog"/>.
/// </summary>
public sealed class AuditWindowQuery(IDbContextFactory<WarRoomDbContext> contextFactory)
{
    /// <summary>The events of <paramref name="kinds"/> stamped in [<paramref name="from"/>, <paramref name="to"/>), in sequence order.</summary>
    public async Task<IReadOnlyList<AuditEventRecord>> ReadAsync(
        DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<string> kinds, Guid? rolloutId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var events = db.AuditEvents.AsNoTracking().Where(e => e.At >= from && e.At < to && kinds.Contains(e.Kind));
        if (rolloutId is { } id)
        {
            events = events.Where(e => e.RolloutId == id);
        }

        return await WithoutHashes(events.OrderBy(e => e.Sequence)).ToListAsync(cancellationToken);
    }

    /// <summary>For each rollout, its latest event of <paramref name="kinds"/> stamped before <paramref name="before"/>: at most one per rollout.</summary>
    public async Task<IReadOnlyList<AuditEventRecord>> LatestPerRolloutAsync(DateTimeOffset before, IReadOnlyCollection<string> kinds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var latest = db.AuditEvents
            .Where(e => e.RolloutId != null && e.At < before && kinds.Contains(e.Kind))
            .GroupBy(e => e.RolloutId)
            .Select(g => g.Max(e => e.Sequence));
        return await db.AuditEvents.AsNoTracking().Where(e => latest.Contains(e.Sequence)).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
    }

    /// <summary>Every event of <paramref name="kinds"/> of the given rollouts, in sequence order.</summary>
    public async Task<IReadOnlyList<AuditEventRecord>> ReadForRolloutsAsync(IReadOnlyCollection<Guid> rolloutIds, IReadOnlyCollection<string> kinds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rolloutIds);
        ArgumentNullException.ThrowIfNull(kinds);
        if (rolloutIds.Count == 0)
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEvents.AsNoTracking()
            .Where(e => e.RolloutId != null && rolloutIds.Contains(e.RolloutId.Value) && kinds.Contains(e.Kind))
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
    }

    // A review never checks the chain: leaving the two 64-character hashes out halves what each row carries.
    private static IQueryable<AuditEventRecord> WithoutHashes(IQueryable<AuditEventRecord> events) =>
        events.Select(e => new AuditEventRecord
        {
            Sequence = e.Sequence,
            At = e.At,
            Actor = e.Actor,
            Kind = e.Kind,
            RolloutId = e.RolloutId,
            PayloadJson = e.PayloadJson,
            PreviousHash = string.Empty,
            Hash = string.Empty,
        });
}
