using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence.Audit;

/// <summary>
/// The append-only, hash-chained log of every state change. There is deliberately no update or
/// delete here, and SQLite triggers refuse both in the database.
/// </summary>
public sealed class AuditLog(IDbContextFactory<WarRoomDbContext> contextFactory, TimeProvider timeProvider)
{
    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    public Task<AuditEventRecord> AppendAsync(string actor, string kind, Guid? rolloutId, object payload, CancellationToken cancellationToken = default) =>
        AppendAsync(new AuditEntry(actor, kind, rolloutId, payload), cancellationToken);

    /// <summary>Appends one event in its own transaction.</summary>
    public async Task<AuditEventRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = await AppendAsync(db, entry, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return record;
    }

    /// <summary>
    /// Adds the next event to <paramref name="db"/> inside the caller's open transaction, so the state
    /// change and its event commit together or not at all. The caller saves and commits. On SQLite the
    /// transaction from <c>BeginTransactionAsync</c> is <c>BEGIN IMMEDIATE</c>: it holds the write lock
    /// from the start, so no other append can read the same head.
    /// </summary>
    public async Task<AuditEventRecord> AppendAsync(WarRoomDbContext db, AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entry);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Appending an audit event needs an open transaction on the context (BeginTransactionAsync), so it cannot race another append.");
        }

        var (lastSequence, lastHash) = await ReadHeadAsync(db, cancellationToken);
        var record = new AuditEventRecord
        {
            Sequence = lastSequence + 1,
            At = timeProvider.GetUtcNow(),
            Actor = entry.Actor,
            Kind = entry.Kind,
            RolloutId = entry.RolloutId,
            PayloadJson = JsonSerializer.Serialize(entry.Payload, entry.Payload.GetType(), PayloadJson),
            PreviousHash = lastHash,
            Hash = string.Empty,
        };
        record.Hash = AuditEventHash.Compute(record);
        db.AuditEvents.Add(record);
        return record;
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

    /// <summary>Walks the whole chain and reports the first event that does not fit.</summary>
    public async Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var expectedSequence = 1L;
        var previousHash = AuditEventHash.Genesis;
        await foreach (var record in db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var problem = FindProblem(record, expectedSequence, previousHash);
            if (problem is not null)
            {
                return new AuditChainVerification(false, expectedSequence - 1, Math.Min(expectedSequence, record.Sequence), problem, previousHash);
            }

            previousHash = record.Hash;
            expectedSequence++;
        }

        return new AuditChainVerification(true, expectedSequence - 1, null, null, previousHash);
    }

    private static string? FindProblem(AuditEventRecord record, long expectedSequence, string previousHash)
    {
        if (record.Sequence != expectedSequence)
        {
            return $"Event {expectedSequence} is missing: the next stored event is {record.Sequence}.";
        }

        if (!string.Equals(record.PreviousHash, previousHash, StringComparison.Ordinal))
        {
            return $"Event {record.Sequence} does not point at the hash of event {record.Sequence - 1}.";
        }

        return string.Equals(record.Hash, AuditEventHash.Compute(record), StringComparison.Ordinal)
            ? null
            : $"Event {record.Sequence} does not match its hash: its contents were changed after it was written.";
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

        var stored = await db.AuditEvents.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        return stored is null ? (0, AuditEventHash.Genesis) : (stored.Sequence, stored.Hash);
    }
}
