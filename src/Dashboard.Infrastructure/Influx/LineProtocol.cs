using System.Globalization;
using System.Text;

namespace Dashboard.Infrastructure.Influx;

/// <summary>
/// Validates and formats points as InfluxDB line protocol with millisecond timestamps
/// (<c>precision=ms</c>; sub-millisecond parts are truncated, matching the <c>epoch=ms</c> reads).
/// </summary>
/// <remarks>
/// Rules found by writing and reading back hostile names on influxd 1.6.7 (see docs/influxdb.md):
/// <list type="bullet">
/// <item>Measurement: escape <c>,</c> and space. 1.6.7 also unescapes <c>\=</c> and <c>\"</c> there,
/// so a backslash before <c>, = " space</c> or at the end cannot round-trip; a leading <c>#</c> turns
/// the line into a comment.</item>
/// <item>Tag keys and values: escape <c>,</c> <c>=</c> and space; a backslash elsewhere is literal,
/// but a trailing one escapes the separator after it.</item>
/// <item>Field keys: escape like tags; like measurements, a backslash before <c>, = " space</c> or at
/// the end is misread.</item>
/// <item>Newlines end a line everywhere except inside a string field value; empty names and
/// empty tag values are refused; <c>time</c> is refused as a tag or field key.</item>
/// <item>String field values: escape <c>\</c> and <c>"</c>; everything else (newlines, emoji,
/// a trailing backslash) round-trips.</item>
/// </list>
/// </remarks>
internal static class LineProtocol
{
    private const string TimeKey = "time";

    public static void ValidateMeasurement(string measurement)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        RequireNotEmpty(measurement, "Measurement name");
        RequireNoNewline(measurement, "Measurement name", measurement);
        if (measurement[0] == '#')
        {
            throw new ArgumentException($"Measurement name '{measurement}' must not start with '#': line protocol reads the line as a comment.", nameof(measurement));
        }

        RequireNoAmbiguousBackslash(measurement, "Measurement name", measurement);
    }

    public static void ValidateTag(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        RequireNotEmpty(key, "Tag key");
        RequireNoNewline(key, "Tag key", key);
        RequireNotTime(key, "Tag key");
        RequireNoTrailingBackslash(key, "Tag key", key);
        if (value.Length == 0)
        {
            throw new ArgumentException($"Tag '{key}' has an empty value: line protocol cannot carry it (leave the tag out instead).", nameof(value));
        }

        RequireNoNewline(value, "Value of tag", key);
        RequireNoTrailingBackslash(value, "Value of tag", key);
    }

    public static void ValidateFieldKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        RequireNotEmpty(key, "Field key");
        RequireNoNewline(key, "Field key", key);
        RequireNotTime(key, "Field key");
        RequireNoAmbiguousBackslash(key, "Field key", key);
    }

    public static void ValidateFieldValue(string key, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"Field '{key}' is {value.ToString(CultureInfo.InvariantCulture)}: InfluxDB stores only finite floats.", nameof(value));
        }
    }

    public static void ValidateHasFields(InfluxPoint point)
    {
        if (point.Fields.Count == 0)
        {
            throw new ArgumentException($"Point of measurement '{point.Measurement}' has no fields: line protocol needs at least one.", nameof(point));
        }
    }

    /// <summary>Appends one line (with its trailing newline) for a point.</summary>
    public static void Append(StringBuilder builder, InfluxPoint point)
    {
        ValidateHasFields(point);

        AppendEscaped(builder, point.Measurement, escapeEquals: false);
        foreach (var (key, value) in point.Tags)
        {
            builder.Append(',');
            AppendEscaped(builder, key, escapeEquals: true);
            builder.Append('=');
            AppendEscaped(builder, value, escapeEquals: true);
        }

        var separator = ' ';
        foreach (var (key, value) in point.Fields)
        {
            builder.Append(separator);
            separator = ',';
            AppendEscaped(builder, key, escapeEquals: true);
            builder.Append('=');
            AppendFieldValue(builder, value);
        }

        builder.Append(' ');
        builder.Append(point.Timestamp.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        builder.Append('\n');
    }

    public static string Format(IEnumerable<InfluxPoint> points)
    {
        var builder = new StringBuilder();
        foreach (var point in points)
        {
            Append(builder, point);
        }

        return builder.ToString();
    }

    private static void AppendFieldValue(StringBuilder builder, object value)
    {
        switch (value)
        {
            case long integer:
                builder.Append(integer.ToString(CultureInfo.InvariantCulture)).Append('i');
                break;
            case double number:
                // "R" gives the shortest text that parses back to the same double; a bare number
                // without the 'i' suffix is a float in line protocol, so 1.0 is written "1".
                builder.Append(number.ToString("R", CultureInfo.InvariantCulture));
                break;
            case bool flag:
                builder.Append(flag ? "true" : "false");
                break;
            case string text:
                builder.Append('"');
                foreach (var c in text)
                {
                    if (c is '"' or '\\')
                    {
                        builder.Append('\\');
                    }

                    builder.Append(c);
                }

                builder.Append('"');
                break;
            default:
                throw new ArgumentException($"Unsupported field value type {value.GetType().Name}.", nameof(value));
        }
    }

    private static void AppendEscaped(StringBuilder builder, string text, bool escapeEquals)
    {
        foreach (var c in text)
        {
            if (c is ',' or ' ' || (escapeEquals && c == '='))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }
    }

    private static void RequireNotEmpty(string text, string what)
    {
        if (text.Length == 0)
        {
            throw new ArgumentException($"{what} must not be empty.", nameof(text));
        }
    }

    private static void RequireNoNewline(string text, string what, string name)
    {
        if (text.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{what} '{Printable(name)}' contains a newline, which ends a line in line protocol.", nameof(text));
        }
    }

    private static void RequireNotTime(string key, string what)
    {
        if (key == TimeKey)
        {
            throw new ArgumentException($"{what} 'time' is reserved by InfluxDB (it is the timestamp column).", nameof(key));
        }
    }

    private static void RequireNoTrailingBackslash(string text, string what, string name)
    {
        if (text.EndsWith('\\'))
        {
            throw new ArgumentException($"{what} '{Printable(name)}' ends with a backslash, which would escape the separator after it.", nameof(text));
        }
    }

    private static void RequireNoAmbiguousBackslash(string text, string what, string name)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                continue;
            }

            if (i == text.Length - 1)
            {
                RequireNoTrailingBackslash(text, what, name);
            }

            if (text[i + 1] is ',' or '=' or ' ' or '"')
            {
                throw new ArgumentException($"{what} '{Printable(name)}' has a backslash before '{text[i + 1]}', which InfluxDB 1.x reads as an escape and drops.", nameof(text));
            }
        }
    }

    private static string Printable(string text) => text.Replace("\n", "\\n", StringComparison.Ordinal);
}
