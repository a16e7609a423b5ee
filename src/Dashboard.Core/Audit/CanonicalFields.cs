using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Dashboard.Core.Audit;

/// <summary>
/// The unambiguous encoding that chain hashes and checkpoint signatures are computed over: every field as a
/// 4-byte big-endian length and its UTF-8 bytes (length −1 for null), so no choice of contents can make two
/// inputs encode alike.
/// </summary>
internal sealed class CanonicalFields
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public CanonicalFields Add(string? field)
    {
        if (field is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(_buffer.GetSpan(4), -1);
            _buffer.Advance(4);
            return this;
        }

        var length = Encoding.UTF8.GetByteCount(field);
        var span = _buffer.GetSpan(4 + length);
        BinaryPrimitives.WriteInt32BigEndian(span, length);
        Encoding.UTF8.GetBytes(field, span[4..]);
        _buffer.Advance(4 + length);
        return this;
    }

    public CanonicalFields Add(long number) => Add(number.ToString(CultureInfo.InvariantCulture));

    /// <summary>UTC, ISO-8601, to the microsecond (what PostgreSQL keeps).</summary>
    public CanonicalFields Add(DateTimeOffset at) =>
        Add(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    /// <summary>Cuts <paramref name="at"/> to the microsecond, the precision that is encoded and stored.</summary>
    public static DateTimeOffset ToMicroseconds(DateTimeOffset at) => at.AddTicks(-(at.Ticks % 10));
}
