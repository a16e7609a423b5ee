namespace Dashboard.Core.Guardrails.Sequential;

/// <summary>
/// The knobs of the sequential judge (docs/guardrails.md, "Sequential judge"). The monitor binds
/// <see cref="Alpha"/> to <c>Guardrails:Alpha</c>; <see cref="Validate"/> is its start-up check.
/// </summary>
public sealed record SequentialSettings
{
    /// <summary>False-alarm probability of each test over unlimited looks; also 1 − coverage of every confidence sequence.</summary>
    public double Alpha { get; init; } = 0.01;

    /// <summary>H0 of the comparative test: canary rate ≤ baseline rate × (1 + Tolerance).</summary>
    public double Tolerance { get; init; }

    /// <summary>
    /// The regression the plan cares about, as a rate ratio canary / baseline (2 = twice the baseline's rate):
    /// "Healthy" means the confidence sequence excludes it, and the time-to-conclusive is estimated for it.
    /// </summary>
    public double DetectableRatio { get; init; } = 2;

    /// <summary>The minimum-evidence floor: canary trials (requests, probes) a signal needs before either verdict.</summary>
    public long MinimumCanaryTrials { get; init; } = 50;

    /// <summary>The problems with these settings, empty when they are valid; numbers are refused, never clamped.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!(Alpha is > 0 and < 0.5))
        {
            problems.Add("Alpha must lie in (0, 0.5).");
        }

        if (!(Tolerance is >= 0 and <= 10))
        {
            problems.Add("Tolerance must lie in [0, 10].");
        }

        if (!(DetectableRatio > 1 + Tolerance) || !double.IsFinite(DetectableRatio) || DetectableRatio > RateRatioTest.LargestRatio)
        {
            problems.Add($"DetectableRatio must exceed 1 + Tolerance and be at most {RateRatioTest.LargestRatio}.");
        }

        if (MinimumCanaryTrials < 0)
        {
            problems.Add("MinimumCanaryTrials must not be negative.");
        }

        return problems;
    }
}
