using System.Globalization;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Shifts;

/// <summary>
/// Turns the daily pattern (<see cref="ShiftOptions"/>) into shift windows: the shift at a moment, the ones before
/// and after it, the ones in a period, and the one an id names (docs/shifts.md). The day repeats from the first
/// pattern's start; a pattern may run past midnight.
/// </summary>
public sealed class ShiftCalendar(IOptions<ShiftOptions> options, TimeProvider timeProvider)
{
    /// <summary>The form of a shift id: its start in UTC.</summary>
    public const string IdFormat = "yyyyMMdd-HHmm";

    private IReadOnlyList<ShiftPattern> Patterns => options.Value.EffectivePatterns;

    public IReadOnlyList<string> PatternNames => [.. Patterns.Select(p => p.Name)];

    public ShiftWindow Current => At(timeProvider.GetUtcNow());

    /// <summary>The shift that contains <paramref name="at"/>.</summary>
    public ShiftWindow At(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        var dayStart = new DateTimeOffset(utc.Date, TimeSpan.Zero) + Patterns[0].Start;
        if (utc < dayStart)
        {
            dayStart = dayStart.AddDays(-1);
        }

        foreach (var pattern in Patterns)
        {
            var start = dayStart + (pattern.Start - Patterns[0].Start);
            var window = Window(pattern, start);
            if (window.Contains(utc))
            {
                return window;
            }
        }

        throw new InvalidOperationException("The shift patterns do not cover the day; ShiftOptionsValidator should have refused them.");
    }

    public ShiftWindow Previous(ShiftWindow shift) => At(Of(shift).Start.AddTicks(-1));

    public ShiftWindow Next(ShiftWindow shift) => At(Of(shift).End);

    /// <summary>Every shift that overlaps [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    public IReadOnlyList<ShiftWindow> Between(DateTimeOffset from, DateTimeOffset to)
    {
        var shifts = new List<ShiftWindow>();
        for (var shift = At(from); shift.Start < to; shift = Next(shift))
        {
            shifts.Add(shift);
        }

        return shifts;
    }

    /// <summary>The shift <paramref name="id"/> names; <see cref="ShiftIdProblem.IllFormed"/> or <see cref="ShiftIdProblem.NoSuchShift"/> when none does.</summary>
    public ShiftWindow? Find(string? id, out ShiftIdProblem problem)
    {
        problem = ShiftIdProblem.None;
        if (!DateTime.TryParseExact(id, IdFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var start))
        {
            problem = ShiftIdProblem.IllFormed;
            return null;
        }

        var shift = At(new DateTimeOffset(start, TimeSpan.Zero));
        if (shift.Id != id)
        {
            problem = ShiftIdProblem.NoSuchShift;
            return null;
        }

        return shift;
    }

    /// <summary>The pattern of <paramref name="name"/>, or null.</summary>
    public ShiftPattern? Pattern(string? name) => Patterns.FirstOrDefault(p => string.Equals(p.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static ShiftWindow Of(ShiftWindow shift) => shift ?? throw new ArgumentNullException(nameof(shift));

    private static ShiftWindow Window(ShiftPattern pattern, DateTimeOffset start) =>
        new(start.ToString(IdFormat, CultureInfo.InvariantCulture), pattern.Name, start, start + pattern.Length);
}
