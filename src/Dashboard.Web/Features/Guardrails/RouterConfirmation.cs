using System.Collections.Concurrent;
using System.Globalization;
using Dashboard.Core.Guardrails;
using Dashboard.Core.Routing;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Leadership;
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
/// The alert is kept in the state store from before it is shown until it is settled, and retried only while this
/// instance holds the automation lease: whoever holds it next resumes the kept alert where it stood
/// (<see cref="ResumeAsync"/>), without raising it again.
/// </summary>
public sealed partial class RouterConfirmation(
    ITrafficRouter router,
    RolloutStore store,
    GuardrailMemoryStore alerts,
    IAutomationLease lease,
    RolloutService rollouts,
    GuardrailStatusBoard board,
    NotificationQueue notifications,
    IOptions<GuardrailOptions> options,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<RouterConfirmation> logger)
{
    private readonly ConcurrentDictionary<Guid, byte> retrying = new();

    /// <summary>Keeps and raises the alert and starts retrying, unless a retry for <paramref name="rolloutId"/> is already running.</summary>
    public async Task BeginAsync(Guid rolloutId, string service, string candidateVersion, int wantedPercent, string problem, CancellationToken cancellationToken)
    {
        if (!retrying.TryAdd(rolloutId, 0))
        {
            return;
        }

        var alert = new RouterAlert(rolloutId, service, candidateVersion, wantedPercent, problem, timeProvider.GetUtcNow(), 1, null);
        try
        {
            await alerts.SaveRouterAlertAsync(Record(alert), cancellationToken);
        }
        catch
        {
            retrying.TryRemove(rolloutId, out _);
            throw;
        }

        board.SetAlert(alert);
        notifications.Enqueue(GuardrailNotifications.RouterUnconfirmed(alert));
        LogAlertRaised(rolloutId, wantedPercent, problem);
        Retry(alert);
    }

    /// <summary>
    /// Goes on with every kept alert that no retry of this process is working on: one raised by another instance
    /// that held the lease before, or by this process before a restart. It is shown again but not announced again.
    /// </summary>
    public async Task ResumeAsync(CancellationToken cancellationToken)
    {
        foreach (var kept in await alerts.LoadRouterAlertsAsync(cancellationToken))
        {
            if (retrying.TryAdd(kept.RolloutId, 0))
            {
                var alert = new RouterAlert(kept.RolloutId, kept.Service, kept.CandidateVersion, kept.WantedPercent, kept.Problem, kept.Since, kept.Attempts, null);
                board.SetAlert(alert);
                LogAlertResumed(alert.RolloutId, alert.WantedPercent, alert.Attempts);
                Retry(alert);
            }
        }
    }

    private void Retry(RouterAlert alert)
    {
        var holdToken = lease.HoldToken;
        _ = Task.Run(async () =>
        {
            // Only while this instance holds the lease: a lost hold stops the retry and leaves the kept alert to the next holder.
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping, holdToken);
            await RetryAsync(alert, stopping.Token);
        });
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
                await alerts.SaveRouterAlertAsync(Record(alert), stopping);
                notifications.Enqueue(GuardrailNotifications.RouterUnconfirmed(alert));
                LogStillUnconfirmed(alert.RolloutId, alert.Attempts, problem);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down or no longer the lease holder: the kept alert is resumed by the next holder.
        }
        catch (Exception ex)
        {
            // The state store failed while keeping the alert: the next poll resumes it from what was kept.
            LogAttemptFailed(ex, alert.RolloutId);
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
            await alerts.DeleteRouterAlertAsync(alert.RolloutId, stopping);
            board.ClearAlert(alert.RolloutId);
            return null;
        }

        var wanted = ofRecord.CanaryWeightPercent;
        alert = alert with { WantedPercent = wanted };
        try
        {
            if ((await router.ReadAsync(stopping)).IsExactly(wanted))
            {
                await ConfirmedAsync(alert, stopping);
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
            await ConfirmedAsync(alert, stopping);
            return null;
        }

        return outcome.Detail ?? outcome.Kind.ToString();
    }

    private async Task ConfirmedAsync(RouterAlert alert, CancellationToken cancellationToken)
    {
        await alerts.DeleteRouterAlertAsync(alert.RolloutId, cancellationToken);
        board.ClearAlert(alert.RolloutId);
        notifications.Enqueue(GuardrailNotifications.RouterConfirmed(alert, timeProvider.GetUtcNow()));
        LogConfirmed(alert.RolloutId, alert.WantedPercent, alert.Attempts);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Guardrail alert: the router did not confirm {Percent} % for rollout {RolloutId}: {Problem}")]
    private partial void LogAlertRaised(Guid rolloutId, int percent, string problem);

    private static RouterAlertRecord Record(RouterAlert alert) => new()
    {
        RolloutId = alert.RolloutId,
        Service = alert.Service,
        CandidateVersion = alert.CandidateVersion,
        WantedPercent = alert.WantedPercent,
        Problem = alert.Problem,
        Since = alert.Since,
        Attempts = alert.Attempts,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resuming the kept router alert of rollout {RolloutId}: {Percent} % not confirmed after {Attempts} attempts")]
    private partial void LogAlertResumed(Guid rolloutId, int percent, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "The router still does not confirm the weight of rollout {RolloutId} after {Attempts} attempts: {Problem}")]
    private partial void LogStillUnconfirmed(Guid rolloutId, int attempts, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "The router confirms {Percent} % for rollout {RolloutId} after {Attempts} attempts; alert cleared")]
    private partial void LogConfirmed(Guid rolloutId, int percent, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rollout {RolloutId} no longer owns the router (another rollout started); its router alert is cleared")]
    private partial void LogSuperseded(Guid rolloutId);

    [LoggerMessage(Level = LogLevel.Error, Message = "A router retry of rollout {RolloutId} failed unexpectedly; the alert stays up")]
    private partial void LogAttemptFailed(Exception exception, Guid rolloutId);
}
