using System.Globalization;
using System.Security.Cryptography;

namespace Dashboard.Core.Audit;

/// <summary>
/// The hash chain of the audit log. Each hash (lower-case hex) covers a canonical, unambiguous encoding
/// (<see cref="CanonicalFields"/>) of a format tag, the previous hash and the record. Records chained with a key
/// carry its id and are HMAC-SHA256 under it (tag <c>v2-hmac</c>, the key id encoded too); records from before
/// keying are plain SHA-256 (tag <c>v1</c>). Editing any field, reordering or removing a record changes a hash
/// further down; without the key nobody can recompute a keyed hash. Once a record is keyed every later one must
/// be: an unkeyed record after a keyed one is a recompute without the key (docs/security.md, "Audit chain").
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first record of a chain.</summary>
    public static readonly string GenesisHash = new('0', 64);

    private const string UnkeyedTag = "rollout-war-room/audit/v1";
    private const string KeyedTag = "rollout-war-room/audit/v2-hmac";

    /// <summary>The unkeyed SHA-256 rule of records chained before a key was configured.</summary>
    public static string ComputeHash(string previousHash, AuditRecord record) =>
        Convert.ToHexStringLower(SHA256.HashData(Encode(UnkeyedTag, null, previousHash, record)));

    /// <summary>The keyed rule: HMAC-SHA256 under <paramref name="key"/>.</summary>
    public static string ComputeHash(string previousHash, AuditRecord record, AuditChainKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.ChainMac(Encode(KeyedTag, key.Id, previousHash, record));
    }

    /// <summary>Chains <paramref name="record"/> after <paramref name="previous"/> (null for the first record, which must be sequence 1).</summary>
    public static AuditEntry Append(AuditEntry? previous, AuditRecord record, AuditChainKey? key = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        var expected = (previous?.Record.Sequence ?? 0) + 1;
        if (record.Sequence != expected)
        {
            throw new ArgumentException($"The next audit record must have sequence {expected}, not {record.Sequence}.", nameof(record));
        }

        var previousHash = previous?.Hash ?? GenesisHash;
        return key is null
            ? new(record, ComputeHash(previousHash, record))
            : new(record, ComputeHash(previousHash, record, key), key.Id);
    }

    /// <summary>
    /// Checks a whole chain in the order given (the store orders by sequence): sequences 1, 2, 3… without gaps,
    /// every hash recomputed from the previous stored hash with the rule its key id names (keys from
    /// <paramref name="keys"/>), no unkeyed record after a keyed one, and — when <paramref name="checkpoint"/> is
    /// given (its signature checked by the caller) — the checkpoint's head still there with its hash and no
    /// unkeyed record from its <see cref="AuditCheckpoint.KeyedFrom"/> on.
    /// </summary>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entries, AuditKeyRing? keys = null, AuditCheckpoint? checkpoint = null) =>
        Walk(entries, 1, GenesisHash, false, keys, checkpoint);

    /// <summary>
    /// Checks only what came after <paramref name="checkpoint"/>: <paramref name="entries"/> start at the
    /// checkpoint's own record (or at 1 for the empty chain's checkpoint), whose stored hash must be the
    /// checkpoint's; every later record is checked as by <see cref="Verify"/>. What a periodic checkpoint
    /// needs before it signs a new head, without rehashing the whole log.
    /// </summary>
    public static AuditVerification VerifySince(AuditCheckpoint checkpoint, IEnumerable<AuditEntry> entries, AuditKeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(entries);
        if (checkpoint.Sequence == 0)
        {
            return Walk(entries, 1, GenesisHash, false, keys, checkpoint);
        }

        using var enumerator = entries.GetEnumerator();
        if (!enumerator.MoveNext() || enumerator.Current.Record.Sequence != checkpoint.Sequence)
        {
            return AuditVerification.Broken(0, checkpoint.Sequence, Truncated(checkpoint.Sequence - 1, checkpoint));
        }

        if (!string.Equals(enumerator.Current.Hash, checkpoint.Hash, StringComparison.Ordinal))
        {
            return AuditVerification.Broken(0, checkpoint.Sequence, Rewritten(checkpoint));
        }

        return Walk(Rest(enumerator), checkpoint.Sequence + 1, checkpoint.Hash, enumerator.Current.KeyId is not null, keys, checkpoint);
    }

    private static AuditVerification Walk(
        IEnumerable<AuditEntry> entries, long firstSequence, string previousHash, bool keyedSeen, AuditKeyRing? keys, AuditCheckpoint? checkpoint)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var count = 0;
        foreach (var entry in entries)
        {
            var expected = firstSequence + count;
            if (Problem(entry, expected, previousHash, keyedSeen, keys, checkpoint) is { } problem)
            {
                return AuditVerification.Broken(count, expected, problem);
            }

            keyedSeen |= entry.KeyId is not null;
            previousHash = entry.Hash;
            count++;
        }

        var last = firstSequence + count - 1;
        return checkpoint is not null && last < checkpoint.Sequence
            ? AuditVerification.Broken(count, last + 1, Truncated(last, checkpoint))
            : AuditVerification.Intact(count, previousHash, checkpoint?.Sequence);
    }

    private static string? Problem(AuditEntry entry, long expected, string previousHash, bool keyedSeen, AuditKeyRing? keys, AuditCheckpoint? checkpoint)
    {
        var sequence = entry.Record.Sequence;
        if (sequence != expected)
        {
            return sequence > expected
                ? $"sequence {expected} is missing (found {sequence})"
                : $"sequence {sequence} appears where {expected} belongs";
        }

        string hash;
        if (entry.KeyId is null)
        {
            if (keyedSeen)
            {
                return $"record {expected} is not keyed but records before it are: the chain was recomputed without the key";
            }

            if (checkpoint is not null && expected >= checkpoint.KeyedFrom)
            {
                return $"record {expected} is not keyed but the signed checkpoint of {Stamp(checkpoint)} says every record from {checkpoint.KeyedFrom} on is: the chain was recomputed without the key";
            }

            hash = ComputeHash(previousHash, entry.Record);
        }
        else if (keys?.Find(entry.KeyId) is { } key)
        {
            hash = ComputeHash(previousHash, entry.Record, key);
        }
        else
        {
            return $"record {expected} is chained with key {entry.KeyId}, which is not configured (Audit:ChainKey, Audit:ChainKeyFile or Audit:RetiredChainKeys)";
        }

        if (!AuditChainKey.SameMac(hash, entry.Hash))
        {
            return $"record {expected} does not match its hash: it or the record before it was changed";
        }

        return checkpoint is not null && expected == checkpoint.Sequence && !string.Equals(entry.Hash, checkpoint.Hash, StringComparison.Ordinal)
            ? Rewritten(checkpoint)
            : null;
    }

    private static IEnumerable<AuditEntry> Rest(IEnumerator<AuditEntry> enumerator)
    {
        while (enumerator.MoveNext())
        {
            yield return enumerator.Current;
        }
    }

    private static string Truncated(long last, AuditCheckpoint checkpoint) =>
        $"the chain ends at {last} but the signed checkpoint of {Stamp(checkpoint)} names record {checkpoint.Sequence}: the newest records were removed";

    private static string Rewritten(AuditCheckpoint checkpoint) =>
        $"record {checkpoint.Sequence} does not have the hash the signed checkpoint of {Stamp(checkpoint)} names: the chain was rewritten";

    private static string Stamp(AuditCheckpoint checkpoint) =>
        checkpoint.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static byte[] Encode(string tag, string? keyId, string previousHash, AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        ArgumentNullException.ThrowIfNull(record);
        var fields = new CanonicalFields().Add(tag);
        if (keyId is not null)
        {
            fields.Add(keyId);
        }

        return fields.Add(previousHash).Add(record.Sequence).Add(record.At).Add(record.Actor).Add(record.Kind)
            .Add(record.RolloutId?.ToString("D", CultureInfo.InvariantCulture)).Add(record.PayloadJson).ToArray();
    }
}
