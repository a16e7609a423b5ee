using System.Globalization;

namespace Dashboard.Core.Plans;

/// <summary>
/// Durations as people write them in plans: a number and a unit, optionally several terms —
/// "15m", "1.5h", "90m", "36h", "7d", "2w", "1h30m". Units: s, m, h, d, w. No sign, no spaces
/// inside, at most 3,650 days. <see cref="Format"/> writes the shortest exact form and
/// <see cref="TryParse"/> reads it back unchanged.
/// </summary>
public static class PlanDuration
{
    public const string Examples = "e.g. 15m, 1.5h, 36h, 7d";

    private static readonly TimeSpan Longest = TimeSpan.FromDays(3650);

    private static readonly (string Unit, TimeSpan Length)[] FormatUnits =
    [
        ("d", TimeSpan.FromDays(1)),
        ("h", TimeSpan.FromHours(1)),
        ("m", TimeSpan.FromMinutes(1)),
        ("s", TimeSpan.FromSeconds(1)),
    ];

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        decimal totalTicks = 0;
        while (!span.IsEmpty)
        {
            var numberLength = 0;
            while (numberLength < span.Length && (char.IsAsciiDigit(span[numberLength]) || span[numberLength] == '.'))
            {
                numberLength++;
            }

            if (numberLength == 0 || !TryUnit(span[numberLength..], out var unitLength, out var unitTicks))
            {
                return false;
            }

            var number = span[..numberLength];
            if (number[0] == '.' || number[^1] == '.' ||
                !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            totalTicks += value * unitTicks;
            if (totalTicks > Longest.Ticks)
            {
                return false;
            }

            span = span[(numberLength + unitLength)..];
        }

        duration = TimeSpan.FromTicks((long)decimal.Round(totalTicks));
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> naming the text.</summary>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var duration)
            ? duration
            : throw new FormatException($"'{text}' is not a duration ({Examples}).");

    /// <summary>
    /// The shortest exact text: the largest unit that divides the duration ("2h", "90m", "7d"),
    /// else seconds with decimals ("0.25s"). Days are used from two days on ("24h", "2d"); weeks
    /// are written as days.
    /// </summary>
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A plan duration cannot be negative.");
        }

        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        foreach (var (unit, length) in FormatUnits)
        {
            // Runbooks say "24h", not "1d": days only from two days on.
            if (duration.Ticks % length.Ticks == 0 && (unit != "d" || duration >= TimeSpan.FromDays(2)))
            {
                return (duration.Ticks / length.Ticks).ToString(CultureInfo.InvariantCulture) + unit;
            }
        }

        var seconds = (decimal)duration.Ticks / TimeSpan.TicksPerSecond;
        return seconds.ToString("0.#######", CultureInfo.InvariantCulture) + "s";
    }

    private static bool TryUnit(ReadOnlySpan<char> rest, out int length, out long ticks)
    {
        length = 1;
        ticks = rest.IsEmpty ? 0 : rest[0] switch
        {
            's' => TimeSpan.TicksPerSecond,
            'm' => TimeSpan.TicksPerMinute,
            'h' => TimeSpan.TicksPerHour,
            'd' => TimeSpan.TicksPerDay,
            'w' => TimeSpan.TicksPerDay * 7,
            _ => 0,
        };
        return ticks > 0;
    }
}
