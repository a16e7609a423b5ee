using System.Collections.Concurrent;
using System.Globalization;
using Dashboard.Core.Guardrails;
using Dashboard.Core.Routing;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Notifications;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Guardrails;

/// <summary>
/// After a guardrail action whose weight the router did not confirm (the state is already saved,
/// e.g. rolled back at 0 %), keeps the critical alert up and retries with jittered exponential
/// backoff until the router reads back the recorded weight. Each retry first reads the router; when
/// it still runs something else (or cannot be read) the recorded weight is re-applied through
/// <see cref="RolloutService.ReconcileTrafficAsync"/>, so every attempt is audited and recorded as a
/// traffic change with its fate. Stops when confirmed, or when another rollout has started and owns the router.
/// </summary>
public sealed partial class RouterConfirmation(
    ITrafficRouter router,
    RolloutStore store,
    RolloutService rollouts,
    GuardrailStatusBoard board,
    NotificationQueue notifications,
    IOptions<GuardrailOptions> options,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<RouterConfirmation> logger)
{
    private readonly ConcurrentDictionary<Guid, byte> retrying = new();

    /// <summary>Raises the alert and starts retrying, unless a retry for <paramref name="rolloutId"/> is already running.</summary>
    public void Begin(Guid rolloutId, string service, string candidateVersion, int wantedPercent, string problem)
    {
        if (!retrying.TryAdd(rolloutId, 0))
        {
            return;
        }

        var alert = new RouterAlert(rolloutId, service, candidateVersion, wantedPercent, problem, timeProvider.GetUtcNow(), 1, null);
        board.SetAlert(alert);
        notifications.Enqueue(GuardrailNotifications.RouterUnconfirmed(alert));
        LogAlertRaised(rolloutId, wantedPercent, problem);
        _ = Task.Run(() => RetryAsync(alert, lifetime.ApplicationStopping));
    }

    private async Task RetryAsync(RouterAlert alert, CancellationToken stopping)
    {
        try
        {
            for (var retry = 0; ; retry++)
            {
                var delay = GuardrailBackoff.Delay(retry, options.Value.RouterRetryBaseDelay, options.Value.RouterRetryMaxDelay, Random.Shared.NextDouble());
                alert = alert with { NextAttemptAt = timeProvider.GetUtcNow() + delay };
                board.SetAlert(alert);
                await Task.Delay(delay, timeProvider, stopping);

                alert = alert with { Attempts = alert.Attempts + 1 };
                string? problem;
                try
                {
                    problem = await AttemptAsync(alert, stopping);
                }
                catch (Exception ex) when (!stopping.IsCancellationRequested)
                {
                    // The state store or something unforeseen failed: the alert stays up and the next attempt follows.
                    LogAttemptFailed(ex, alert.RolloutId);
                    problem = ex.Message;
                }

                if (problem is null)
                {
                    return;
                }

                alert = alert with { Problem = problem };
                notifications.Enqueue(GuardrailNotifications.RouterUnconfirmed(alert));
                LogStillUnconfirmed(alert.RolloutId, alert.Attempts, problem);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down; the drift check at the next start-up reports the router's split.
        }
        finally
        {
            retrying.TryRemove(alert.RolloutId, out _);
        }
    }

    /// <summary>Null when settled (confirmed, or no longer this rollout's to fix); otherwise what went wrong.</summary>
    private async Task<string?> AttemptAsync(RouterAlert alert, CancellationToken stopping)
    {
        if (await store.FindLatestStartedAsync(stopping) is not { } ofRecord || ofRecord.Id != alert.RolloutId)
        {
            LogSuperseded(alert.RolloutId);
            board.ClearAlert(alert.RolloutId);
            return null;
        }

        var wanted = ofRecord.CanaryWeightPercent;
        alert = alert with { WantedPercent = wanted };
        try
        {
            if ((await router.ReadAsync(stopping)).IsExactly(wanted))
            {
                Confirmed(alert);
                return null;
            }
        }
        catch (TrafficRouterException)
        {
            // Unreadable: the re-apply below tries anyway and records what the router says.
        }

        var since = alert.Since.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var outcome = await rollouts.ReconcileTrafficAsync(
            AutomationActors.Guardrails,
            $"Guardrail retry {alert.Attempts - 1}: the router has not confirmed the recorded {wanted} % since {since} UTC",
            stopping);
        if (outcome.Kind == OutcomeKind.Succeeded)
        {
            Confirmed(alert);
            return null;
        }

        return outcome.Detail ?? outcome.Kind.ToString();
    }

    private void Confirmed(RouterAlert alert)
    {
        board.ClearAlert(alert.RolloutId);
        notifications.Enqueue(GuardrailNotifications.RouterConfirmed(alert, timeProvider.GetUtcNow()));
        LogConfirmed(alert.RolloutId, alert.WantedPercent, alert.Attempts);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Guardrail alert: the router did not confirm {Percent} % for rollout {RolloutId}: {Problem}")]
    private partial void LogAlertRaised(Guid rolloutId, int percent, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "The router still does not confirm the weight of rollout {RolloutId} after {Attempts} attempts: {Problem}")]
    private partial void LogStillUnconfirmed(Guid rolloutId, int attempts, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "The router confirms {Percent} % for rollout {RolloutId} after {Attempts} attempts; alert cleared")]
    private partial void LogConfirmed(Guid rolloutId, int percent, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rollout {RolloutId} no longer owns the router (another rollout started); its router alert is cleared")]
    private partial void LogSuperseded(Guid rolloutId);

    [LoggerMessage(Level = LogLevel.Error, Message = "A router retry of rollout {RolloutId} failed unexpectedly; the alert stays up")]
    private partial void LogAttemptFailed(Exception exception, Guid rolloutId);
}
