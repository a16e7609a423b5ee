using System.Globalization;
using Dashboard.Web.Features.Notifications;

namespace Dashboard.Web.Features.Guardrails;

/// <summary>
/// The chat messages of the router alert. The rollback itself is notified by <c>RolloutNotifier</c>
/// from the saved event, with the guardrail's reason; these cover what it cannot see — the router
/// still not confirming after retries, and the recovery.
/// </summary>
public static class GuardrailNotifications
{
    /// <summary>Critical; one key per outage, so retries within <c>Notifications:ReminderInterval</c> are not re-sent.</summary>
    public static Notification RouterUnconfirmed(RouterAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new(
            Key(alert, "routerUnconfirmed"),
            NotificationSeverity.Critical,
            $"{alert.Service} {alert.CandidateVersion}: the router has not confirmed {alert.WantedPercent} % canary traffic",
            $"A guardrail action was saved, but the traffic router does not run it. Retrying with backoff. Latest: {alert.Problem}",
            [new("Since", Utc(alert.Since)), new("Attempts", alert.Attempts.ToString(CultureInfo.InvariantCulture))],
            alert.RolloutId,
            alert.Since);
    }

    public static Notification RouterConfirmed(RouterAlert alert, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new(
            Key(alert, "routerConfirmed"),
            NotificationSeverity.Info,
            $"{alert.Service} {alert.CandidateVersion}: the router confirms {alert.WantedPercent} % canary traffic again",
            $"Confirmed after {alert.Attempts} attempts; unconfirmed since {Utc(alert.Since)}.",
            [new("Canary traffic", $"{alert.WantedPercent} %")],
            alert.RolloutId,
            at);
    }

    private static string Key(RouterAlert alert, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"{alert.RolloutId}:guardrail:{what}:{alert.Since.ToUnixTimeMilliseconds()}");

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
