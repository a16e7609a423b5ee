namespace Dashboard.Core.Audit;

/// <summary>
/// A signed statement, kept outside the state store, that the chain's head was <see cref="Sequence"/> with
/// <see cref="Hash"/> at <see cref="At"/>, and that every record from <see cref="KeyedFrom"/> on is keyed.
/// A later chain must still hold that record with that hash (else the newest records were cut off or the chain
/// rewritten) and may not hold an unkeyed record from <see cref="KeyedFrom"/> on (else it was recomputed
/// without the key). Sequence 0 with the genesis hash is the checkpoint of an empty chain.
/// </summary>
public sealed record AuditCheckpoint(long Sequence, string Hash, DateTimeOffset At, long KeyedFrom, string KeyId, string Signature)
{
    private const string FormatTag = "rollout-war-room/audit/checkpoint/v1";

    public static AuditCheckpoint Sign(long sequence, string hash, DateTimeOffset at, long keyedFrom, AuditChainKey key)
    {
        ArgumentNullException.ThrowIfNull(hash);
        ArgumentNullException.ThrowIfNull(key);
        var stamped = CanonicalFields.ToMicroseconds(at);
        return new(sequence, hash, stamped, keyedFrom, key.Id, key.CheckpointMac(Encode(sequence, hash, stamped, keyedFrom, key.Id)));
    }

    /// <summary>True when a key of <paramref name="keys"/> made <see cref="Signature"/> over exactly these fields.</summary>
    public bool IsSignedBy(AuditKeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Find(KeyId) is { } key
            && AuditChainKey.SameMac(key.CheckpointMac(Encode(Sequence, Hash, At, KeyedFrom, KeyId)), Signature);
    }

    private static byte[] Encode(long sequence, string hash, DateTimeOffset at, long keyedFrom, string keyId) =>
        new CanonicalFields().Add(FormatTag).Add(sequence).Add(hash).Add(at).Add(keyedFrom).Add(keyId).ToArray();
}
