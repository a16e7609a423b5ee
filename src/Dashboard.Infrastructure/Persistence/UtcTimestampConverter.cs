using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as fixed-width ISO 8601 UTC text with 100 ns precision
/// (<c>2026-11-23T16:33:37.1234567Z</c>). SQLite has no date type and EF's SQLite provider cannot
/// order or compare <see cref="DateTimeOffset"/>; fixed-width UTC text sorts in time order, compares
/// correctly in SQL and stays readable in <c>sqlite3</c>. The offset is normalised to UTC.
/// </summary>
public sealed class UtcTimestampConverter() : ValueConverter<DateTimeOffset, string>(
    value => Format(value),
    text => Parse(text))
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>The stored text of a timestamp; the audit chain hashes exactly this text.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.ParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
