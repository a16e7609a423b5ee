using System.Globalization;

namespace Dashboard.Core.Routing;

/// <summary>
/// A router's split as raw weights (HAProxy server weights 0..256, or the demo's basis points) with
/// the shares they mean. Shares are exact fractions of the total, not rounded: weights 1 and 2 are
/// 33.3 % canary, which is not "33 %".
/// </summary>
public sealed record TrafficWeights
{
    public TrafficWeights(int canaryWeight, int baselineWeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(canaryWeight);
        ArgumentOutOfRangeException.ThrowIfNegative(baselineWeight);
        CanaryWeight = canaryWeight;
        BaselineWeight = baselineWeight;
    }

    public int CanaryWeight { get; }

    public int BaselineWeight { get; }

    public int TotalWeight => CanaryWeight + BaselineWeight;

    /// <summary>False when both weights are zero: the router then sends traffic to neither cohort.</summary>
    public bool CarriesTraffic => TotalWeight > 0;

    /// <summary>The canary's share of requests in percent; 0 when the split carries no traffic.</summary>
    public double CanaryPercent => CarriesTraffic ? 100.0 * CanaryWeight / TotalWeight : 0;

    /// <summary>The baseline's share of requests in percent; 0 when the split carries no traffic.</summary>
    public double BaselinePercent => CarriesTraffic ? 100.0 * BaselineWeight / TotalWeight : 0;

    /// <summary>
    /// True when these weights give the canary exactly <paramref name="canaryPercent"/> % (compared in
    /// integers, so no rounding can turn 33.3 % into a confirmed 33 %). This is the read-back rule.
    /// </summary>
    public bool IsExactly(int canaryPercent) =>
        CarriesTraffic && (long)CanaryWeight * 100 == (long)canaryPercent * TotalWeight;

    /// <summary>The weights a router sets for a request: canary N, baseline 100 − N.</summary>
    public static TrafficWeights ForCanaryPercent(int canaryPercent)
    {
        RequirePercent(canaryPercent);
        return new TrafficWeights(canaryPercent, 100 - canaryPercent);
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless 0 ≤ percent ≤ 100.</summary>
    public static int RequirePercent(int canaryPercent, string? paramName = null)
    {
        if (canaryPercent is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(paramName ?? nameof(canaryPercent), canaryPercent, "The canary's share of traffic is a whole percent within 0..100.");
        }

        return canaryPercent;
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"canary {CanaryPercent:0.##} % / baseline {BaselinePercent:0.##} % (weights {CanaryWeight}/{BaselineWeight})");
}
