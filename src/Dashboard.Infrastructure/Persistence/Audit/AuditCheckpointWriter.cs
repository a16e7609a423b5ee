using Dashboard.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence.Audit;

/// <summary>
/// Signs the chain's head {sequence, hash, time, keyed-from} and appends it to the checkpoint file. It never
/// signs what it has not checked: the first checkpoint checks the whole chain, later ones only the events since
/// the previous checkpoint (whose hash must still be there), so a rewrite between two checkpoints is refused
/// instead of being signed. The keyed chain's start is carried forward from the previous checkpoint, never
/// re-read from the database.
/// </summary>
public sealed class AuditCheckpointWriter(
    IDbContextFactory<WarRoomDbContext> contextFactory, AuditKeySource keySource, AuditCheckpointFile file, TimeProvider timeProvider)
{
    public async Task<AuditCheckpointOutcome> WriteAsync(CancellationToken cancellationToken = default)
    {
        var keys = keySource.Keys;
        var newest = await file.ReadNewestAsync(cancellationToken);
        if (newest.Problem is { } unreadable)
        {
            return AuditCheckpointOutcome.Refused(unreadable);
        }

        var previous = newest.Checkpoint;
        if (previous is not null && !previous.IsSignedBy(keys))
        {
            return AuditCheckpointOutcome.Refused(AuditLog.NotSigned(file.Path, previous));
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var from = previous?.Sequence ?? 0;
        var entries = (await db.AuditEvents.AsNoTracking().Where(e => e.Sequence >= from).OrderBy(e => e.Sequence).ToListAsync(cancellationToken))
            .Select(e => e.ToEntry()).ToList();
        var verification = previous is null ? AuditChain.Verify(entries, keys) : AuditChain.VerifySince(previous, entries, keys);
        if (!verification.IsIntact)
        {
            return AuditCheckpointOutcome.Refused(verification.Problem!);
        }

        var head = from + verification.Checked;
        if (previous is not null && head == previous.Sequence)
        {
            return AuditCheckpointOutcome.Unchanged(previous);
        }

        // The first checkpoint marks where the keyed chain starts: its first keyed event, or the next one to come.
        var keyedFrom = previous?.KeyedFrom ?? entries.FirstOrDefault(e => e.KeyId is not null)?.Record.Sequence ?? head + 1;
        var checkpoint = AuditCheckpoint.Sign(head, verification.HeadHash!, timeProvider.GetUtcNow(), keyedFrom, keys.Current);
        await file.AppendAsync(checkpoint, cancellationToken);
        return AuditCheckpointOutcome.WrittenNew(checkpoint);
    }
}
