using Dashboard.Core.Plans;

namespace Dashboard.Core.Checkpoints;

/// <summary>
/// The time ranges one checkpoint is judged over (docs/checkpoints.md). Both are half-open,
/// <c>[start, DueAt)</c>: a point written exactly at the due time belongs to the next interval, so
/// the last intervals of successive checkpoints partition the phase and no point counts twice.
/// </summary>
/// <param name="PhaseStart">Start of the cumulative window (the phase's start).</param>
/// <param name="DueAt">When the checkpoint fell due: the end of both windows.</param>
/// <param name="LastIntervalStart">The previous checkpoint's due time, or the phase start for the first checkpoint.</param>
public sealed record CheckpointWindow(DateTimeOffset PhaseStart, DateTimeOffset DueAt, DateTimeOffset LastIntervalStart)
{
    /// <summary>Length of the cumulative window, phase start → due.</summary>
    public TimeSpan Cumulative => DueAt - PhaseStart;

    /// <summary>Length of the last interval, previous checkpoint → due.</summary>
    public TimeSpan LastInterval => DueAt - LastIntervalStart;

    /// <summary>True when phase start ≤ last-interval start &lt; due.</summary>
    public bool IsValid => PhaseStart <= LastIntervalStart && LastIntervalStart < DueAt;

    /// <summary>
    /// The window of the checkpoint at <paramref name="checkpoint"/> after <paramref name="phaseStart"/>.
    /// With a <paramref name="timeScale"/> above 1 (demos and tests) offsets shrink by that factor,
    /// so windows and due times are scaled alike.
    /// </summary>
    public static CheckpointWindow For(PlanPhase phase, DateTimeOffset phaseStart, TimeSpan checkpoint, double timeScale = 1)
    {
        ArgumentNullException.ThrowIfNull(phase);
        if (checkpoint <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(checkpoint), checkpoint, "A checkpoint lies after the phase start.");
        }

        if (double.IsNaN(timeScale) || timeScale <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(timeScale), timeScale, "A time scale is greater than zero.");
        }

        var previous = phase.Checkpoints.Where(offset => offset < checkpoint).DefaultIfEmpty(TimeSpan.Zero).Max();
        return new CheckpointWindow(phaseStart, phaseStart + (checkpoint / timeScale), phaseStart + (previous / timeScale));
    }
}
