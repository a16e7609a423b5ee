using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Core.Audit;

/// <summary>
/// The secret that keys the audit chain (HMAC-SHA256) and signs checkpoints of its head. It is kept outside the
/// state store (docs/security.md, "Audit chain"). <see cref="Id"/> is a fingerprint stored with every keyed
/// record, so a later key can start a new segment while older records still verify with the retired key.
/// Checkpoints are signed with a subkey derived from the same secret: one secret to keep and rotate, and a
/// checkpoint signature can never be mistaken for a chain hash or the other way round.
/// </summary>
public sealed class AuditChainKey
{
    /// <summary>Bytes of secret a key must have at least: the HMAC-SHA256 block of security.</summary>
    public const int MinimumBytes = 32;

    private readonly byte[] _chainSecret;
    private readonly byte[] _checkpointSecret;

    private AuditChainKey(byte[] secret)
    {
        _chainSecret = secret;
        _checkpointSecret = HMACSHA256.HashData(secret, "rollout-war-room/audit/checkpoint-key/v1"u8);
        var fingerprint = SHA256.HashData([.. "rollout-war-room/audit/key-id/v1"u8, .. secret]);
        Id = Convert.ToHexStringLower(fingerprint)[..16];
    }

    /// <summary>16 lower-case hex characters naming the key without revealing it.</summary>
    public string Id { get; }

    /// <summary>A new random key of <see cref="MinimumBytes"/> bytes.</summary>
    public static AuditChainKey Generate() => new(RandomNumberGenerator.GetBytes(MinimumBytes));

    /// <summary>Reads a base64 key; the message of a <see cref="FormatException"/> never repeats the text.</summary>
    public static AuditChainKey FromBase64(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        byte[] secret;
        try
        {
            secret = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new FormatException($"is not base64 (make one with: openssl rand -base64 {MinimumBytes})");
        }

        return secret.Length < MinimumBytes
            ? throw new FormatException($"holds {secret.Length} bytes; an audit chain key needs at least {MinimumBytes} (make one with: openssl rand -base64 {MinimumBytes})")
            : new AuditChainKey(secret);
    }

    public string ToBase64() => Convert.ToBase64String(_chainSecret);

    public override string ToString() => $"audit chain key {Id}";

    internal string ChainMac(byte[] data) => Convert.ToHexStringLower(HMACSHA256.HashData(_chainSecret, data));

    internal string CheckpointMac(byte[] data) => Convert.ToHexStringLower(HMACSHA256.HashData(_checkpointSecret, data));

    internal static bool SameMac(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));
}
