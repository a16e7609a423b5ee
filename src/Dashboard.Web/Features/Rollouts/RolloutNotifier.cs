using System.Globalization;
using Dashboard.Core.Rollouts;
using Dashboard.Core.Rollouts.Events;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Leadership;
using Dashboard.Web.Features.Notifications;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>
/// Turns saved rollout changes into chat notifications: rollbacks, aborts, holds, sign-off requests
/// (and a reminder every <c>Notifications:ReminderInterval</c> while a phase waits for sign-off),
/// completions, and traffic changes the router did not confirm. With several instances each decision is sent once: only
/// by the instance that saved it (changes another instance saved are that one's to send), and the reminders only by the
/// holder of the automation lease (docs/high-availability.md, "Lease").
/// </summary>
public sealed partial class RolloutNotifier(
    RolloutChangeFeed feed,
    RolloutService rollouts,
    NotificationQueue queue,
    IAutomationLease lease,
    IOptions<NotificationOptions> options,
    TimeProvider timeProvider,
    ILogger<RolloutNotifier> logger) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsEnabled)
        {
            feed.Changed += OnChanged;
        }

        return base.StartAsync(cancellationToken);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        feed.Changed -= OnChanged;
        return base.StopAsync(cancellationToken);
    }

    /// <summary>Reminds about phases waiting for sign-off; the dispatcher's de-duplication spaces the reminders.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsEnabled)
        {
            return;
        }

        var period = options.Value.ReminderInterval < TimeSpan.FromMinutes(1) ? options.Value.ReminderInterval : TimeSpan.FromMinutes(1);
        using var timer = new PeriodicTimer(period, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (!lease.IsHeld)
                {
                    continue;
                }

                foreach (var rollout in (await rollouts.ListAsync(stoppingToken)).Where(r => r.CurrentState == PhaseState.AwaitingSignOff))
                {
                    queue.Enqueue(SignOffReminder(rollout));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogReminderScanFailed(ex);
            }
        }
    }

    private void OnChanged(RolloutChanged change)
    {
        if (!change.FromAnotherInstance)
        {
            _ = NotifyAsync(change);
        }
    }

    private async Task NotifyAsync(RolloutChanged change)
    {
        try
        {
            var notifications = change.Events.Select(e => ForEvent(e)).Where(n => n is not null).ToList();
            // A change the guardrails asked for has its own alert with retries (RouterConfirmation); one message per retry would flood the chat.
            if (change.SettledChange is { Status: TrafficChangeStatus.Failed } failed && failed.RequestedBy != AutomationActors.Guardrails.Name)
            {
                notifications.Add(ForFailedChange(failed));
            }

            if (notifications.Count == 0 || await rollouts.FindAsync(change.RolloutId) is not { } rollout)
            {
                return;
            }

            foreach (var notification in notifications)
            {
                queue.Enqueue(notification!(rollout));
            }
        }
        catch (Exception ex)
        {
            LogNotifyFailed(ex, change.RolloutId);
        }
    }

    private static Func<RolloutView, Notification>? ForEvent(RolloutEvent rolloutEvent) => rolloutEvent switch
    {
        RolledBack e => r => Of(r, e, NotificationSeverity.Critical, $"rolled back in phase {e.PhaseName}", ("Canary traffic", $"{e.FromPercent} % → 0 %")),
        RolloutAborted e => r => Of(r, e, NotificationSeverity.Warning, $"aborted in phase {e.PhaseName}"),
        PhaseHeld e => r => Of(r, e, NotificationSeverity.Warning, $"held in phase {e.PhaseName}", ("Canary traffic", $"{r.RequestedWeightPercent} % (frozen)")),
        // No roles: an auto-advance phase whose last checkpoint warned waits for a person (the reason says why).
        SignOffRequested { Roles.Count: 0 } e => r => Of(
            r, e, NotificationSeverity.Warning, $"phase {e.PhaseName} waits for a person", ("Decision by", "an operator: advance, hold or roll back")) with
        {
            DedupKey = SignOffKey(r.Id, e.PhaseIndex),
        },
        SignOffRequested e => r => Of(
            r, e, NotificationSeverity.Info, $"phase {e.PhaseName} waits for sign-off", ("Sign-off by", string.Join(", ", e.Roles))) with
        {
            DedupKey = SignOffKey(r.Id, e.PhaseIndex),
        },
        RolloutCompleted e => r => Of(r, e, NotificationSeverity.Info, "completed"),
        _ => null,
    };

    private static Func<RolloutView, Notification> ForFailedChange(TrafficChange change) => r => new Notification(
        $"{r.Id}:routerFailed:{change.Id}",
        NotificationSeverity.Critical,
        $"{Name(r)}: the router did not confirm {change.ToPercent} % canary traffic",
        $"{change.FailureMessage}\nRequested by {change.RequestedBy}: {change.Reason}",
        [new("Requested", $"{change.FromPercent} % → {change.ToPercent} %"), new("Phase", r.CurrentPhase)],
        r.Id,
        change.SettledAt ?? change.RequestedAt);

    private Notification SignOffReminder(RolloutView rollout) => new(
        SignOffKey(rollout.Id, rollout.CurrentPhaseIndex),
        NotificationSeverity.Info,
        $"{Name(rollout)}: phase {rollout.CurrentPhase} still waits for sign-off",
        "Reminder: the phase is through its window and waits for people: GO / NO-GO from its leads, or an operator's advance after a WARN.",
        [new("Phase", rollout.CurrentPhase), new("Canary traffic", $"{rollout.RequestedWeightPercent} %")],
        rollout.Id,
        timeProvider.GetUtcNow());

    private static Notification Of(RolloutView rollout, RolloutEvent e, NotificationSeverity severity, string what, params (string Title, string Value)[] fields) => new(
        $"{rollout.Id}:{e.Kind}:{e.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}",
        severity,
        $"{Name(rollout)} {what}",
        $"By {e.Actor}: {e.Reason}",
        [new("Phase", rollout.CurrentPhase), new("Status", rollout.Status.ToString()), .. fields.Select(f => new KeyValuePair<string, string>(f.Title, f.Value))],
        rollout.Id,
        e.At);

    private static string Name(RolloutView rollout) => $"{rollout.Service} {rollout.CandidateVersion}";

    private static string SignOffKey(Guid rolloutId, int phaseIndex) => string.Create(CultureInfo.InvariantCulture, $"{rolloutId}:{phaseIndex}:signOff");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not build the notifications for rollout {RolloutId}")]
    private partial void LogNotifyFailed(Exception exception, Guid rolloutId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The scan for phases waiting for sign-off failed")]
    private partial void LogReminderScanFailed(Exception exception);
}
