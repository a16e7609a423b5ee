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
    /// Canary requests a window should hold before a rate is judged on it: with less traffic the window
    /// grows (up to <see cref="MaxWindow"/>), since two errors in a hundred requests are noise, not 2 %. 0 keeps the window fixed.
    /// </summary>
    public int MinCanaryRequests { get; set; } = 500;

    /// <summary>The longest the window grows to for a thin canary.</summary>
    public TimeSpan MaxWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The newest point may be this old; older data is no data (the guardrails are blind, never green).</summary>
    public TimeSpan MaxDataAge { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Polls in a row a breach must last before the guardrail acts.</summary>
    public int ConsecutiveBreaches { get; set; } = 3;

    /// <summary>First delay before retrying a router that did not confirm the weight; doubles per retry, jittered.</summary>
    public TimeSpan RouterRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap of the router retry delay.</summary>
    public TimeSpan RouterRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);
}
