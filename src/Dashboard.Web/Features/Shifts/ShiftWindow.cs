namespace Dashboard.Web.Features.Shifts;

/// <summary>
/// One shift of the roster's pattern: the half-open UTC window [<see cref="Start"/>, <see cref="End"/>), its
/// pattern's name ("night", "day", "evening") and a stable id made of its start, e.g. <c>20261206-0800</c>
/// (docs/shifts.md). Everything that happened in a shift is everything stamped inside its window.
/// </summary>
public sealed record ShiftWindow(string Id, string Name, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>True when <paramref name="at"/> falls inside the window (its start included, its end not).</summary>
    public bool Contains(DateTimeOffset at) => at >= Start && at < End;

    public TimeSpan Length => End - Start;
}
