using Dashboard.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence.Audit;

/// <summary>
/// The append-only, hash-chained log of every state change (the chain itself is
/// <see cref="AuditChain"/> in Core). There is deliberately no update or delete here, and SQLite
/// triggers refuse both in the database.
/// </summary>
public sealed class AuditLog(IDbContextFactory<WarRoomDbContext> contextFactory, StateUnitOfWork unitOfWork, TimeProvider timeProvider)
{
    public Task<AuditEventRecord> AppendAsync(string actor, string kind, Guid? rolloutId, object payload, CancellationToken cancellationToken = default) =>
        AppendAsync(AuditEventDraft.For(actor, kind, rolloutId, payload), cancellationToken);

    /// <summary>Appends one event in its own transaction.</summary>
    public Task<AuditEventRecord> AppendAsync(AuditEventDraft draft, CancellationToken cancellationToken = default) =>
        unitOfWork.RunAsync(db => AppendAsync(db, draft, cancellationToken), cancellationToken);

    /// <summary>
    /// Adds the next event to <paramref name="db"/> inside the caller's open transaction, so a state
    /// change and its event commit together or not at all; the caller saves and commits. On SQLite the
    /// transaction from <c>BeginTransactionAsync</c> is <c>BEGIN IMMEDIATE</c>: it holds the write lock
    /// from the start, so no other append can read the same head.
    /// </summary>
    public async Task<AuditEventRecord> AppendAsync(WarRoomDbContext db, AuditEventDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(draft);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Appending an audit event needs an open transaction on the context (BeginTransactionAsync), so it cannot race another append.");
        }

        var (lastSequence, lastHash) = await ReadHeadAsync(db, cancellationToken);
        var now = timeProvider.GetUtcNow();

        // The chain hashes time to the microsecond (what PostgreSQL keeps); store exactly what is hashed.
        var at = now.AddTicks(-(now.Ticks % 10));
        var record = new AuditRecord(lastSequence + 1, at, draft.Actor, draft.Kind, draft.RolloutId, draft.PayloadJson);
        var stored = new AuditEventRecord
        {
            Sequence = record.Sequence,
            At = record.At,
            Actor = record.Actor,
            Kind = record.Kind,
            RolloutId = record.RolloutId,
            PayloadJson = record.PayloadJson,
            PreviousHash = lastHash,
            Hash = AuditChain.ComputeHash(lastHash, record),
        };
        db.AuditEvents.Add(stored);
        return stored;
    }

    /// <summary>The events of one rollout (or all events), in sequence order.</summary>
    public async Task<IReadOnlyList<AuditEventRecord>> ReadAsync(Guid? rolloutId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var events = db.AuditEvents.AsNoTracking();
        if (rolloutId is { } id)
        {
            events = events.Where(e => e.RolloutId == id);
        }

        return await events.OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Walks the whole chain from the first event and reports the first one that does not fit: a gap
    /// or reordering in the sequence, contents that no longer match the hash, or a stored
    /// <see cref="AuditEventRecord.PreviousHash"/> that does not name the event before it.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var chain = AuditChain.Verify(stored.Select(e => new AuditEntry(new AuditRecord(e.Sequence, e.At, e.Actor, e.Kind, e.RolloutId, e.PayloadJson), e.Hash)));

        // Core's chain recomputes each link from the previous event's hash; the stored PreviousHash
        // column is a convenience for readers, so check that it tells the same story.
        var brokenLink = stored.Select((e, i) => (Event: e, Index: i))
            .FirstOrDefault(x => !string.Equals(x.Event.PreviousHash, x.Index == 0 ? AuditChain.GenesisHash : stored[x.Index - 1].Hash, StringComparison.Ordinal));
        if (brokenLink.Event is null || (!chain.IsIntact && chain.BrokenAtSequence <= brokenLink.Event.Sequence))
        {
            return chain;
        }

        return AuditVerification.Broken(
            brokenLink.Index,
            brokenLink.Event.Sequence,
            $"record {brokenLink.Event.Sequence} stores a previous hash that is not the hash of the record before it");
    }

    private static async Task<(long Sequence, string Hash)> ReadHeadAsync(WarRoomDbContext db, CancellationToken cancellationToken)
    {
        // Events added earlier in the same unit of work are not in the database yet but are the head.
        var pending = db.ChangeTracker.Entries<AuditEventRecord>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .MaxBy(e => e.Sequence);
        if (pending is not null)
        {
            return (pending.Sequence, pending.Hash);
        }

        var head = await db.AuditEvents.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        return head is null ? (0, AuditChain.GenesisHash) : (head.Sequence, head.Hash);
    }
}
