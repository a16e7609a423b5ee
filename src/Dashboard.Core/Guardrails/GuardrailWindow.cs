namespace Dashboard.Core.Guardrails;

/// <summary>
/// The metrics window a poll judges. The configured window is short so a spike shows within
/// seconds; but a rate over a handful of requests is noise (two errors in 120 requests read as
/// 1.7 %), so when the canary's request rate is too low to put <c>minCanaryRequests</c> into the
/// window, the window grows to hold them, up to <c>maxWindow</c>. It never reaches back before the
/// youngest watched phase run began: older data belongs to another weight, or to another rollout's candidate.
/// </summary>
public static class GuardrailWindow
{
    /// <summary>The shortest window asked of InfluxDB, for a phase run that has only just begun.</summary>
    public static TimeSpan Shortest { get; } = TimeSpan.FromSeconds(1);

    /// <param name="window">The configured (shortest) window.</param>
    /// <param name="maxWindow">The longest window, at least <paramref name="window"/>.</param>
    /// <param name="minCanaryRequests">Canary requests a window should hold; 0 keeps the window fixed.</param>
    /// <param name="canaryRps">The canary's request rate at the last poll; null or 0 when unknown.</param>
    /// <param name="phaseRunAge">How long ago the youngest watched phase run began; null when unknown.</param>
    public static TimeSpan For(TimeSpan window, TimeSpan maxWindow, int minCanaryRequests, double? canaryRps, TimeSpan? phaseRunAge = null)
    {
        var wanted = window;
        if (minCanaryRequests > 0 && canaryRps is > 0 && !double.IsNaN(canaryRps.Value))
        {
            var needed = TimeSpan.FromSeconds(Math.Ceiling(minCanaryRequests / canaryRps.Value));
            wanted = needed <= window ? window : needed >= maxWindow ? maxWindow : needed;
        }

        if (phaseRunAge is not { } age || age >= wanted)
        {
            return wanted;
        }

        var whole = TimeSpan.FromSeconds(Math.Ceiling(age.TotalSeconds));
        return whole < Shortest ? Shortest : whole;
    }

    /// <summary>
    /// True when a window of <paramref name="window"/> at <paramref name="canaryRps"/> holds at least
    /// <paramref name="minCanaryRequests"/> canary requests — otherwise its rates are too thin to judge
    /// and the poll counts as no data.
    /// </summary>
    public static bool HoldsEnough(int minCanaryRequests, double? canaryRps, TimeSpan window) =>
        minCanaryRequests <= 0 || (canaryRps is { } rps && !double.IsNaN(rps) && rps * window.TotalSeconds >= minCanaryRequests);
}
