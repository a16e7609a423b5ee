namespace Dashboard.Core.Guardrails.Sequential;

/// <summary>
/// Where a <see cref="RateRatioTest"/> also starts counting afresh, for a regression that begins after the test did
/// (docs/guardrails.md, "A regression that starts late"): <see cref="Count"/> later starting points, one every
/// <see cref="Every"/> intervals. Without them, healthy intervals before the fault dilute its evidence.
/// </summary>
/// <param name="Every">Intervals between two starting points (at least 1).</param>
/// <param name="Count">How many later starting points; 0 tests from the first interval only.</param>
public sealed record LateStarts(int Every, int Count)
{
    /// <summary>How many later starting points an epoch gets: about one every 30 s at the default horizon.</summary>
    private const int PerHalfEpoch = 30;

    /// <summary>Only the first interval starts the test.</summary>
    public static LateStarts None { get; } = new(1, 0);

    /// <summary>
    /// Starting points spread over the first <paramref name="intervals"/> intervals of a test (start excluded):
    /// an epoch's first half horizon, after which the next epoch starts afresh anyway.
    /// </summary>
    public static LateStarts Within(int intervals)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intervals, 1);
        var every = Math.Max(1, intervals / PerHalfEpoch);
        return new LateStarts(every, (intervals / every) - 1);
    }

    /// <summary>Whether a starting point begins at interval <paramref name="index"/> (0 = the test's first).</summary>
    public bool StartsAt(int index) => index > 0 && index % Every == 0 && index / Every <= Count;
}
