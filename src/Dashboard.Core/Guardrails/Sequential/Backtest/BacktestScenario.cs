using System.Globalization;
using Dashboard.Core.Demo;

namespace Dashboard.Core.Guardrails.Sequential.Backtest;

/// <summary>
/// One kind of simulated canary: a fault (none for healthy) present from the phase's start or from
/// <see cref="Onset"/> on, at a canary request rate. The demo's service serves <see cref="TotalRps"/> in all at
/// the daily mean load, so the canary weight is <c>CanaryRps / TotalRps</c>.
/// </summary>
public sealed record BacktestScenario(string Fault, CanaryFaultEffects Effects, double CanaryRps)
{
    /// <summary>How long the canary is healthy before the fault begins (zero: from the phase's start); times to roll back count from it.</summary>
    public TimeSpan Onset { get; init; }

    /// <summary>Both cohorts together, about the quick start demo's 470 requests/s.</summary>
    public const double TotalRps = 500;

    /// <summary>The canary rates of issue 14: 1, 5 and 50 requests/s.</summary>
    public static IReadOnlyList<double> CanaryRates { get; } = [1, 5, 50];

    public double WeightPercent => 100 * CanaryRps / TotalRps;

    public bool IsHealthy => Effects == CanaryFaultEffects.None;

    /// <summary>The fault and, when it starts late, when: "10× error rate from 3 min".</summary>
    public string Name => Onset == TimeSpan.Zero ? Fault : string.Create(CultureInfo.InvariantCulture, $"{Fault} from {Onset.TotalMinutes:0.#} min");

    /// <summary>The same fault, starting after <paramref name="healthy"/> of healthy traffic.</summary>
    public BacktestScenario StartingAfter(TimeSpan healthy)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(healthy, TimeSpan.Zero);
        return this with { Onset = healthy };
    }

    public static BacktestScenario Healthy(double canaryRps) => new("healthy", CanaryFaultEffects.None, canaryRps);

    /// <summary>The canary's error rate at <paramref name="times"/> × the baseline's (0.32 %): 10× is the demo's 3 pp spike.</summary>
    public static BacktestScenario ErrorRate(double times, double canaryRps) => new(
        string.Create(CultureInfo.InvariantCulture, $"{times:0}× error rate"),
        CanaryFaultEffects.None with { ErrorRateIncreasePoints = 100 * ((times * CohortCharacter.Baseline.ErrorRate) - CohortCharacter.Canary.ErrorRate) },
        canaryRps);

    /// <summary>
    /// P99 50 ms slower: every latency × (1 + 50 / P99), the demo's P99 being about 2.85 × its median
    /// (log-normal spread 0.45, see <see cref="DemoTrafficModel"/>).
    /// </summary>
    public static BacktestScenario SlowerP99(double canaryRps) => new(
        "+50 ms P99",
        CanaryFaultEffects.None with { LatencyFactor = 1 + (50 / (2.85 * CohortCharacter.Canary.MedianLatencyMs)) },
        canaryRps);

    /// <summary>Availability 1 pp lower: 1 % more of the probes fail.</summary>
    public static BacktestScenario AvailabilityDip(double canaryRps) => new(
        "1 pp availability dip", CanaryFaultEffects.None with { AvailabilityDropPoints = 1 }, canaryRps);

    /// <summary>When the late-onset scenarios' fault begins: after 3 and after 10 minutes of healthy traffic.</summary>
    public static IReadOnlyList<TimeSpan> LateOnsets { get; } = [TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(10)];

    /// <summary>The regressions of issue 14 at every canary rate, in table order.</summary>
    public static IReadOnlyList<BacktestScenario> Regressions() =>
    [
        .. CanaryRates.SelectMany(rps => new[]
        {
            ErrorRate(2, rps), ErrorRate(5, rps), ErrorRate(10, rps), SlowerP99(rps), AvailabilityDip(rps),
        }),
    ];
}
