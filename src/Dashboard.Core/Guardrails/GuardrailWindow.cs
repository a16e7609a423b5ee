namespace Dashboard.Core.Guardrails;

/// <summary>
/// The metrics window a poll judges. The configured window is short so a spike shows within
/// seconds; but a rate over a handful of requests is noise (two errors in 120 requests read as
/// 1.7 %), so when the canary's request rate is too low to put <c>minCanaryRequests</c> into the
/// window, the window grows to hold them, up to <c>maxWindow</c>.
/// </summary>
public static class GuardrailWindow
{
    /// <param name="window">The configured (shortest) window.</param>
    /// <param name="maxWindow">The longest window, at least <paramref name="window"/>.</param>
    /// <param name="minCanaryRequests">Canary requests a window should hold; 0 keeps the window fixed.</param>
    /// <param name="canaryRps">The canary's request rate at the last poll; null or 0 when unknown.</param>
    public static TimeSpan For(TimeSpan window, TimeSpan maxWindow, int minCanaryRequests, double? canaryRps)
    {
        if (minCanaryRequests <= 0 || canaryRps is not > 0 || double.IsNaN(canaryRps.Value))
        {
            return window;
        }

        var needed = TimeSpan.FromSeconds(Math.Ceiling(minCanaryRequests / canaryRps.Value));
        return needed <= window ? window : needed >= maxWindow ? maxWindow : needed;
    }
}
