namespace Dashboard.Core.Guardrails.Sequential;

/// <summary>
/// Where a <see cref="RateRatioTest"/> also starts counting afresh, for a regression that begins after the test did
/// (docs/guardrails.md, "A regression that starts late"): <see cref="Count"/> later starting points, one every
/// <see cref="Every"/> intervals, and how the test's weight is shared between its first interval and them. Without
/// them, healthy intervals before the fault dilute its evidence.
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
    /// The share of the test's weight that always stays on the test from its first interval (a bad release is most often
    /// bad from its first request). The rest goes to the later starting points: spread evenly in advance, or, with
    /// <see cref="Reinvest"/>, moved there as the test goes.
    /// </summary>
    public double FromStartWeight { get; init; } = 0.9;

    /// <summary>
    /// 0: the later starting points share 1 − <see cref="FromStartWeight"/> evenly, fixed in advance. Above 0: that
    /// share starts on the test from the first interval too, and each later starting point takes this fraction of
    /// what the share has grown or shrunk to by then (the evidence the movable weight holds at that moment).
    /// </summary>
    public double Reinvest { get; init; }

    /// <summary>
    /// The smallest rate ratio a later starting point's test mixes over (0: every alternative the test from the first
    /// interval has). A fault that starts late and matters at once is large; a small one takes minutes anyway.
    /// </summary>
    public double LowestRatio { get; init; }

    /// <summary>The largest rate ratio a later starting point's test mixes over (infinity: the grid's largest).</summary>
    public double HighestRatio { get; init; } = double.PositiveInfinity;

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

    /// <summary>The problems with this design, empty when it is valid; numbers are refused, never clamped.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Every < 1 || Count < 0)
        {
            problems.Add("Every must be at least 1 and Count not negative.");
        }

        if (!(FromStartWeight is >= 0 and <= 1))
        {
            problems.Add("FromStartWeight must lie in [0, 1].");
        }

        if (!(LowestRatio >= 0) || !(HighestRatio > LowestRatio))
        {
            problems.Add("LowestRatio must not be negative and HighestRatio must exceed it.");
        }

        if (!(Reinvest is >= 0 and < 1))
        {
            problems.Add("Reinvest must lie in [0, 1).");
        }

        return problems;
    }

    /// <summary>Whether a starting point begins at interval <paramref name="index"/> (0 = the test's first).</summary>
    public bool StartsAt(int index) => index > 0 && index % Every == 0 && index / Every <= Count;
}
