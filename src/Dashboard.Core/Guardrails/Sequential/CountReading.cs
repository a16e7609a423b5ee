namespace Dashboard.Core.Guardrails.Sequential;

/// <summary>
/// One cohort's count ratio over one interval: <see cref="Events"/> bad events among
/// <see cref="Trials"/> (errors among requests, slow requests among requests, failed probes among
/// probes), or the <see cref="Flaw"/> that makes the interval unusable.
/// </summary>
public readonly record struct CountReading(long Trials, long Events, DataFlaw? Flaw = null)
{
    public bool IsUsable => Flaw is null;

    public static CountReading Flawed(DataFlaw flaw) => new(0, 0, flaw);

    /// <summary>
    /// Counts as InfluxDB sums return them: whole, finite, not negative, events ≤ trials. Anything
    /// else, or trials without their events field, is <see cref="DataFlaw.InconsistentCounts"/> (never
    /// rounded or clamped into a count); no trials is <paramref name="missing"/>.
    /// </summary>
    public static CountReading Of(double? trials, double? events, DataFlaw missing)
    {
        if (trials is null)
        {
            return Flawed(missing);
        }

        if (events is not { } counted || !IsCount(trials.Value) || !IsCount(counted) || counted > trials.Value)
        {
            return Flawed(DataFlaw.InconsistentCounts);
        }

        return trials.Value == 0 ? Flawed(missing) : new CountReading((long)trials.Value, (long)counted);
    }

    // 2^53: above it a double no longer holds every whole number.
    private static bool IsCount(double value) =>
        double.IsFinite(value) && value >= 0 && value <= 9007199254740992d && Math.Floor(value) == value;
}
