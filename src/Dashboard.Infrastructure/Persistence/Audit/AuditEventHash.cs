using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Infrastructure.Persistence.Audit;

/// <summary>
/// The chain's hash: lowercase hex SHA-256 over the event's fields and the previous event's hash.
/// Each field is written as <c>length:value\n</c> so that no choice of field contents can make two
/// different events hash the same text.
/// </summary>
internal static class AuditEventHash
{
    /// <summary>The <see cref="AuditEventRecord.PreviousHash"/> of the first event.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Compute(AuditEventRecord record)
    {
        var text = new StringBuilder();
        Append(text, record.Sequence.ToString(CultureInfo.InvariantCulture));
        Append(text, UtcTimestampConverter.Format(record.At));
        Append(text, record.Actor);
        Append(text, record.Kind);
        Append(text, record.RolloutId?.ToString("D") ?? string.Empty);
        Append(text, record.PayloadJson);
        Append(text, record.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void Append(StringBuilder text, string value) =>
        text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
}
