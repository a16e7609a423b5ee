namespace Dashboard.Core.Guardrails;

/// <summary>
/// The metrics window a poll judges. The configured window is short so a spike shows within
/// seconds; but a rate over a handful of requests is noise (two errors in 120 requests read as
/// 1.7 %), so when the canary's request rate is too low to put <c>minCanaryRequests</c> into the
/// window, the window grows to hold them, up to <c>maxWindow</c>. It never reaches back before the
/// judged data begins (<see cref="JudgedFrom"/>): older points were served at another weight, or by
/// another rollout's candidate.
/// </summary>
public static class GuardrailWindow
{
    /// <summary>The shortest window asked of InfluxDB; less data since the start is not enough to judge yet.</summary>
    public static TimeSpan Shortest { get; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The first moment whose points hold only traffic of the current split: a point stamped t counts the
    /// interval (t − <paramref name="pointInterval"/>, t], so the first whole point after the phase run began
    /// (or after the last traffic change settled, if later) is stamped one point interval after it.
    /// </summary>
    /// <param name="phaseRunStart">When the phase run (start, advance or retry) began.</param>
    /// <param name="lastTrafficChange">When the latest traffic change of the rollout settled (or was asked, while unsettled); null when none.</param>
    /// <param name="pointInterval">How often every series writes a point.</param>
    public static DateTimeOffset JudgedFrom(DateTimeOffset phaseRunStart, DateTimeOffset? lastTrafficChange, TimeSpan pointInterval)
    {
        var changed = lastTrafficChange is { } change && change > phaseRunStart ? change : phaseRunStart;
        return changed + pointInterval;
    }

    /// <param name="window">The configured (shortest) window.</param>
    /// <param name="maxWindow">The longest window, at least <paramref name="window"/>.</param>
    /// <param name="minCanaryRequests">Canary requests a window should hold; 0 keeps the window fixed.</param>
    /// <param name="canaryRps">The canary's request rate at the last poll; null or 0 when unknown.</param>
    /// <param name="judgedAge">How long ago the youngest watched rollout's judged data began (<see cref="JudgedFrom"/>); null when unknown.</param>
    /// <returns>The window, in whole seconds when shortened so that it never starts before the judged data; null while
    /// less than <see cref="Shortest"/> of judged data exists — not enough data yet.</returns>
    public static TimeSpan? For(TimeSpan window, TimeSpan maxWindow, int minCanaryRequests, double? canaryRps, TimeSpan? judgedAge = null)
    {
        var wanted = window;
        if (minCanaryRequests > 0 && canaryRps is > 0 && !double.IsNaN(canaryRps.Value))
        {
            var needed = TimeSpan.FromSeconds(Math.Ceiling(minCanaryRequests / canaryRps.Value));
            wanted = needed <= window ? window : needed >= maxWindow ? maxWindow : needed;
        }

        if (judgedAge is not { } age || age >= wanted)
        {
            return wanted;
        }

        // Rounded down: rounding up would reach into the points before the start.
        var whole = TimeSpan.FromSeconds(Math.Floor(age.TotalSeconds));
        return whole < Shortest ? null : whole;
    }

    /// <summary>
    /// True when a window of <paramref name="window"/> at <paramref name="canaryRps"/> holds at least
    /// <paramref name="minCanaryRequests"/> canary requests — otherwise its rates are too thin to judge
    /// and the poll counts as no data.
    /// </summary>
    public static bool HoldsEnough(int minCanaryRequests, double? canaryRps, TimeSpan window) =>
        minCanaryRequests <= 0 || (canaryRps is { } rps && !double.IsNaN(rps) && rps * window.TotalSeconds >= minCanaryRequests);
}
