using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Core.Audit;

/// <summary>
/// The hash chain of the audit log. Each hash is SHA-256 (lower-case hex) over a canonical,
/// unambiguous encoding of the previous hash and the record: a version tag, then every field
/// as a 4-byte big-endian length and its UTF-8 bytes (length −1 for null), numbers in invariant
/// culture, the time as UTC ISO-8601 to the microsecond (what PostgreSQL keeps). Editing any
/// field, reordering or removing a record changes a hash further down the chain.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first record of a chain.</summary>
    public static readonly string GenesisHash = new('0', 64);

    private const string FormatTag = "rollout-war-room/audit/v1";

    public static string ComputeHash(string previousHash, AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        ArgumentNullException.ThrowIfNull(record);
        using var buffer = new MemoryStream();
        Write(buffer, FormatTag);
        Write(buffer, previousHash);
        Write(buffer, record.Sequence.ToString(CultureInfo.InvariantCulture));
        Write(buffer, Timestamp(record.At));
        Write(buffer, record.Actor);
        Write(buffer, record.Kind);
        Write(buffer, record.RolloutId?.ToString("D", CultureInfo.InvariantCulture));
        Write(buffer, record.PayloadJson);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    /// <summary>Chains <paramref name="record"/> after <paramref name="previous"/> (null for the first record, which must be sequence 1).</summary>
    public static AuditEntry Append(AuditEntry? previous, AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var expected = (previous?.Record.Sequence ?? 0) + 1;
        if (record.Sequence != expected)
        {
            throw new ArgumentException($"The next audit record must have sequence {expected}, not {record.Sequence}.", nameof(record));
        }

        return new(record, ComputeHash(previous?.Hash ?? GenesisHash, record));
    }

    /// <summary>
    /// Checks a whole chain in the order given (the store orders by sequence): sequences 1, 2, 3…
    /// without gaps, and every hash recomputed from the previous stored hash.
    /// </summary>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var previousHash = GenesisHash;
        var count = 0;
        foreach (var entry in entries)
        {
            var expected = count + 1L;
            if (entry.Record.Sequence != expected)
            {
                var problem = entry.Record.Sequence > expected
                    ? $"sequence {expected} is missing (found {entry.Record.Sequence})"
                    : $"sequence {entry.Record.Sequence} appears where {expected} belongs";
                return AuditVerification.Broken(count, expected, problem);
            }

            if (!string.Equals(ComputeHash(previousHash, entry.Record), entry.Hash, StringComparison.Ordinal))
            {
                return AuditVerification.Broken(count, expected, $"record {expected} does not match its hash: it or the record before it was changed");
            }

            previousHash = entry.Hash;
            count++;
        }

        return AuditVerification.Intact(count, previousHash);
    }

    private static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static void Write(MemoryStream buffer, string? field)
    {
        Span<byte> length = stackalloc byte[4];
        if (field is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(length, -1);
            buffer.Write(length);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(field);
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        buffer.Write(length);
        buffer.Write(bytes);
    }
}
