using Dashboard.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence.Audit;

/// <summary>
/// The append-only, hash-chained log of every state change (the chain itself is
/// <see cref="AuditChain"/> in Core), keyed with the key from <see cref="AuditKeySource"/> and checked
/// against the newest signed checkpoint in <see cref="AuditCheckpointFile"/>, both outside the database.
/// There is deliberately no update or delete here, and SQLite triggers refuse both in the database.
/// </summary>
public sealed class AuditLog(
    IDbContextFactory<WarRoomDbContext> contextFactory,
    StateUnitOfWork unitOfWork,
    AuditKeySource keySource,
    AuditCheckpointFile checkpoints,
    TimeProvider timeProvider)
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

        var key = keySource.Keys.Current;
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
            Hash = AuditChain.ComputeHash(lastHash, record, key),
            KeyId = key.Id,
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
    /// or reordering in the sequence, contents that no longer match the hash (each checked with the rule
    /// of its key id), an unkeyed event where the chain is keyed, a stored
    /// <see cref="AuditEventRecord.PreviousHash"/> that does not name the event before it — and, against
    /// the newest signed checkpoint, a head that was cut off or rewritten. A checkpoint that is unreadable
    /// or not signed by a configured key, or a keyed chain without any checkpoint, is never intact.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var keys = keySource.Keys;
        var newest = await checkpoints.ReadNewestAsync(cancellationToken);
        if (newest.Problem is { } unreadable)
        {
            return AuditVerification.Unanchored(0, unreadable);
        }

        var checkpoint = newest.Checkpoint;
        if (checkpoint is not null && !checkpoint.IsSignedBy(keys))
        {
            return AuditVerification.Unanchored(0, NotSigned(checkpoints.Path, checkpoint));
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var chain = AuditChain.Verify(stored.Select(e => e.ToEntry()), keys, checkpoint);

        // Core's chain recomputes each link from the previous event's hash; the stored PreviousHash
        // column is a convenience for readers, so check that it tells the same story.
        var brokenLink = stored.Select((e, i) => (Event: e, Index: i))
            .FirstOrDefault(x => !string.Equals(x.Event.PreviousHash, x.Index == 0 ? AuditChain.GenesisHash : stored[x.Index - 1].Hash, StringComparison.Ordinal));
        if (brokenLink.Event is not null && (chain.IsIntact || chain.BrokenAtSequence > brokenLink.Event.Sequence))
        {
            return AuditVerification.Broken(
                brokenLink.Index,
                brokenLink.Event.Sequence,
                $"record {brokenLink.Event.Sequence} stores a previous hash that is not the hash of the record before it");
        }

        // Without a checkpoint nothing outside the database says how long the keyed chain was: refuse to call it intact.
        return chain.IsIntact && checkpoint is null && stored.Any(e => e.KeyId is not null)
            ? AuditVerification.Unanchored(chain.Checked, $"there is no signed checkpoint of the head in {checkpoints.Path}: the newest records could have been removed unnoticed")
            : chain;
    }

    internal static string NotSigned(string path, AuditCheckpoint checkpoint) =>
        $"the newest checkpoint in {path} (record {checkpoint.Sequence}) is not signed by a configured key: it was edited or forged";

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
