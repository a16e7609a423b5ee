using System.Globalization;
using Dashboard.Core.Guardrails.Sequential;
using Dashboard.Web.Shared.Components;

namespace Dashboard.Web.Features.Guardrails.Components;

/// <summary>
/// The evidence meter's sentences (docs/guardrails.md, "Evidence meter"), one place for the rollout page, the board and
/// the war room: the events counted in each cohort, the canary's rate and the rate ratio with their intervals, the state
/// in words, and how long until a regression of the plan's size could be called — or why that is not known.
/// </summary>
public static class EvidenceText
{
    /// <summary>"Healthy", "Regressing", "Not enough evidence yet".</summary>
    public static string State(SequentialState state) => Vocabulary.Capitalize(Vocabulary.State(state));

    /// <summary>"12 errors in 2,400 canary requests · 30 in 240,000 baseline"; at 100 % "· no baseline to compare with".</summary>
    public static string Counts(GuardrailEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var trials = evidence.Signal.Contains("probe", StringComparison.Ordinal) ? "probes" : "requests";
        var canary = $"{Count(evidence.CanaryEvents)} {Noun(evidence.Signal, evidence.CanaryEvents)} in {Count(evidence.CanaryTrials)} canary {Noun(trials, evidence.CanaryTrials)}";
        return evidence.BaselineTrials == 0
            ? $"{canary} · no baseline to compare with"
            : $"{canary} · {Count(evidence.BaselineEvents)} in {Count(evidence.BaselineTrials)} baseline";
    }

    /// <summary>"Canary rate 0.50 % (0.21–1.1 %) vs limit 1.5 %": the estimate, its anytime-valid interval and the plan's limit.</summary>
    public static string Estimate(GuardrailEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var limit = string.Create(CultureInfo.InvariantCulture, $"limit {evidence.LimitPct:0.###} %");
        return evidence.CanaryRatePct is { } rate
            ? $"Canary rate {Number(rate)} % ({Number(evidence.CanaryRateLowerPct)}–{Number(evidence.CanaryRateUpperPct)} %) vs {limit}"
            : $"Canary rate unknown: no canary {(evidence.Signal.Contains("probe", StringComparison.Ordinal) ? "probes" : "requests")} yet · {limit}";
    }

    /// <summary>"Canary ÷ baseline × 2.1 (1.3–3.4)"; "comparison not applicable: no baseline" at 100 %.</summary>
    public static string Ratio(GuardrailEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.BaselineTrials == 0 && evidence.Ratio is null)
        {
            return "Canary ÷ baseline: comparison not applicable (no baseline)";
        }

        var estimate = evidence.Ratio is { } ratio ? Number(ratio) : "–";
        var interval = evidence.RatioLower is { } lower
            ? $" ({Number(lower)}–{(evidence.RatioUpper is { } upper ? Number(upper) : "∞")})"
            : string.Empty;
        return $"Canary ÷ baseline × {estimate}{interval}";
    }

    /// <summary>
    /// What the test can say next: proven regressing; or "at the current rates, a regression of the plan's size could be
    /// called in about 40 s"; or why no time is known ("no errors seen yet in either cohort", "below the minimum of …").
    /// </summary>
    public static string Call(GuardrailEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.State == SequentialState.Regressing)
        {
            return "Regression proven: the rule acts on this poll";
        }

        if (evidence.SecondsToCall is { } seconds)
        {
            return $"At the current rates, a regression of the plan's size could be called in {Duration(seconds)}";
        }

        return "No time to a call yet: " + WhyNoTime(evidence);
    }

    /// <summary>The shortest form of <see cref="Call"/>, for a chip: "call in ~40 s", "proven", or null when no time is known.</summary>
    public static string? CallShort(GuardrailEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return evidence.State == SequentialState.Regressing ? null
            : evidence.SecondsToCall is { } seconds ? $"call in {Duration(seconds)}"
            : WhyNoTime(evidence);
    }

    /// <summary>"2 intervals ignored: missing, torn or inconsistent data"; null when none was.</summary>
    public static string? Ignored(GuardrailEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return evidence.IgnoredIntervals > 0
            ? $"{Count(evidence.IgnoredIntervals)} {Noun("intervals", evidence.IgnoredIntervals)} ignored: missing, torn or inconsistent data"
            : null;
    }

    /// <summary>"about 40 s", "about 3 min", "about 1.5 h": a time a person can plan with, never more precise than it is.</summary>
    public static string Duration(double seconds) => seconds switch
    {
        < 0 or double.NaN => throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "A time to a call is never negative."),
        < 1 => "under a second",
        < 120 => string.Create(CultureInfo.InvariantCulture, $"about {Math.Round(seconds):0} s"),
        < 90 * 60 => string.Create(CultureInfo.InvariantCulture, $"about {Math.Round(seconds / 60):0} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"about {seconds / 3600:0.#} h"),
    };

    /// <summary>Two significant digits at least: 0.50, 0.21, 1.1, 12, 0.034.</summary>
    public static string Number(double value)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value.ToString("0", CultureInfo.InvariantCulture);
        }

        var decimals = Math.Clamp(1 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 0, 6);
        return value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static string WhyNoTime(GuardrailEvidence evidence)
    {
        var trials = evidence.Signal.Contains("probe", StringComparison.Ordinal) ? "probes" : "requests";
        return evidence.CanaryTrials == 0 ? $"no canary {trials} counted yet"
            : evidence.BaselineTrials == 0 ? "no baseline to compare with"
            : evidence.CanaryEvents + evidence.BaselineEvents == 0 ? $"no {evidence.Signal} seen yet in either cohort"
            : evidence.CanaryTrials < evidence.MinimumTrials ? $"below the minimum of {Count(evidence.MinimumTrials)} canary {trials}"
            : "not known at the current rates";
    }

    private static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    // "errors" → "error", "requests over 250 ms" → "request over 250 ms", "failed probes" → "failed probe" for one.
    private static string Noun(string plural, long count)
    {
        if (count == 1)
        {
            var words = plural.Split(' ');
            var noun = Array.FindIndex(words, word => word.Length > 1 && word.EndsWith('s'));
            if (noun >= 0)
            {
                words[noun] = words[noun][..^1];
                return string.Join(' ', words);
            }
        }

        return plural;
    }
}
