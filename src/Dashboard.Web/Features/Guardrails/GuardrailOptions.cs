using Dashboard.Core.Guardrails.Sequential;

namespace Dashboard.Web.Features.Guardrails;

/// <summary>The <c>Guardrails</c> section: how often and over what the auto-rollback triggers and contingency rules are judged (docs/guardrails.md).</summary>
public sealed class GuardrailOptions
{
    public const string SectionName = "Guardrails";

    /// <summary>Time between polls; each poll reads one snapshot for every watched rollout.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The metrics window a poll judges; short, so a spike shows within seconds.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// For the rules judged on the window's values (revenue, business and resource metrics): canary requests a window
    /// should hold before they are judged; with less traffic the window grows (up to <see cref="MaxWindow"/>) and, until
    /// it holds them, those rules read "not enough evidence yet". 0 keeps the window fixed. The count-ratio rules (errors,
    /// latency, availability) are judged by the sequential test instead, with its own floor <see cref="MinimumCanaryTrials"/>.
    /// </summary>
    public int MinCanaryRequests { get; set; } = 500;

    /// <summary>The longest the window grows to for a thin canary.</summary>
    public TimeSpan MaxWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The newest point may be this old; older data is no data (the guardrails are blind, never green).</summary>
    public TimeSpan MaxDataAge { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The sequential test's false-alarm probability over a whole phase run, however often it looks (docs/guardrails.md).</summary>
    public double Alpha { get; set; } = 0.01;

    /// <summary>The comparative test's H0: canary rate ≤ baseline rate × (1 + Tolerance). 0: any proven excess is a regression.</summary>
    public double Tolerance { get; set; }

    /// <summary>The regression size the plan cares about, as canary / baseline rate ratio: what "Healthy" excludes and the time-to-call is estimated for.</summary>
    public double DetectableRatio { get; set; } = 2;

    /// <summary>The minimum-evidence floor: canary requests (or probes) a count-ratio condition needs before either verdict.</summary>
    public long MinimumCanaryTrials { get; set; } = 50;

    /// <summary>
    /// How far back the sequential evidence reaches: a fresh test starts every half horizon and each lives one horizon,
    /// so hours of healthy traffic cannot dilute a regression that starts late. A whole, even number of point intervals.
    /// </summary>
    public TimeSpan EvidenceHorizon { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Polls in a row a breach of a value rule must last before the guardrail acts (the sequential test needs none).</summary>
    public int ConsecutiveBreaches { get; set; } = 3;

    /// <summary>First delay before retrying a router that did not confirm the weight; doubles per retry, jittered.</summary>
    public TimeSpan RouterRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap of the router retry delay.</summary>
    public TimeSpan RouterRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The sequential judge's settings these options configure.</summary>
    public SequentialSettings Sequential() => new()
    {
        Alpha = Alpha,
        Tolerance = Tolerance,
        DetectableRatio = DetectableRatio,
        MinimumCanaryTrials = MinimumCanaryTrials,
    };
}
