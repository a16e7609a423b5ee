using Dashboard.Core.Guardrails.Sequential;

namespace Dashboard.Web.Features.Guardrails;

/// <summary>
/// The evidence behind one count-ratio condition of a guardrail rule (docs/guardrails.md, "Evidence meter"),
/// counted since <see cref="Since"/>: the bad events and trials of each cohort, the canary's rate with its
/// confidence interval beside the plan's limit, the canary / baseline rate ratio with its interval, the
/// sequential test's state, and how long until a regression of the plan's size could be called at the current rates.
/// </summary>
/// <param name="Condition">The plan's condition as people read it, e.g. "Error rate &gt; 1.5 %".</param>
/// <param name="Signal">The bad event counted: "errors", "requests over 250 ms", "failed probes".</param>
/// <param name="State">Healthy, Regressing or Not enough evidence yet.</param>
/// <param name="Since">When the counted evidence begins: the judged data of this phase run, or the start of this re-check.</param>
/// <param name="CanaryTrials">Canary requests (or probes) counted.</param>
/// <param name="CanaryEvents">Canary bad events among them.</param>
/// <param name="BaselineTrials">Baseline requests (or probes) counted over the same intervals; 0 without a comparison.</param>
/// <param name="BaselineEvents">Baseline bad events among them.</param>
/// <param name="LimitPct">The plan's limit as a share of trials, in percent (1 for "P99 &gt; 250 ms": 1 % of requests over 250 ms).</param>
/// <param name="CanaryRatePct">The canary's bad-event rate in percent; null before any trial.</param>
/// <param name="CanaryRateLowerPct">Lower end of its anytime-valid confidence interval, in percent.</param>
/// <param name="CanaryRateUpperPct">Upper end, in percent.</param>
/// <param name="Ratio">Canary rate / baseline rate; null without a comparison or before any event.</param>
/// <param name="RatioLower">Lower end of the ratio's confidence interval; null without a comparison.</param>
/// <param name="RatioUpper">Upper end; null when unbounded or without a comparison.</param>
/// <param name="SecondsToCall">At the current rates, about how long until the test could call a regression of the plan's size; null while unknown.</param>
/// <param name="MinimumTrials">The minimum-evidence floor: canary trials needed before either verdict.</param>
/// <param name="IgnoredIntervals">Intervals that added nothing because their data was missing, torn or inconsistent.</param>
/// <param name="HealthyProvenAt">When health was last proven (a proven-healthy test restarts so a later regression shows fast); null if never in this phase run.</param>
public sealed record GuardrailEvidence(
    string Condition,
    string Signal,
    SequentialState State,
    DateTimeOffset Since,
    long CanaryTrials,
    long CanaryEvents,
    long BaselineTrials,
    long BaselineEvents,
    double LimitPct,
    double? CanaryRatePct,
    double CanaryRateLowerPct,
    double CanaryRateUpperPct,
    double? Ratio,
    double? RatioLower,
    double? RatioUpper,
    double? SecondsToCall,
    long MinimumTrials,
    int IgnoredIntervals,
    DateTimeOffset? HealthyProvenAt);
