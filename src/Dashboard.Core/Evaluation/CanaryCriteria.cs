namespace Dashboard.Core.Evaluation;

/// <summary>
/// The canary phase of the three-phase plan (docs/plans.md): the thresholds the live dashboard colours
/// its tiles by until rollouts and their phases exist.
/// </summary>
public static class CanaryCriteria
{
    public const string ErrorRate = "errorRatePct";
    public const string P99 = "p99Ms";
    public const string Availability = "availabilityPct";
    public const string RevenueImpact = "revenueImpactPct";

    public static Criterion ErrorRatePct { get; } = new(ErrorRate, Comparator.LessThan, 1.0, 0.2);
    public static Criterion P99Ms { get; } = new(P99, Comparator.LessThan, 200, 20);
    public static Criterion AvailabilityPct { get; } = new(Availability, Comparator.GreaterThan, 99.9, 0.05);
    public static Criterion RevenueImpactPct { get; } = new(RevenueImpact, Comparator.GreaterThanOrEqual, 0, 0.5);
}
