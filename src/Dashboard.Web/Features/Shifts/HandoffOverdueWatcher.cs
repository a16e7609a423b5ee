using Dashboard.Infrastructure.Persistence.Shifts;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Leadership;
using Dashboard.Web.Features.Notifications;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Shifts;

/// <summary>
/// Looks every <c>Shifts:OverdueCheckInterval</c> at the last shift change: when nobody acknowledged the handoff
/// <c>Shifts:AcknowledgeWithin</c> after it, and someone was on the outgoing shift (or wrote a handoff), the handoff
/// is flagged — stored and audited first, so it is sent once even across restarts — then shown on /warroom and sent
/// through the notifications webhook (docs/shifts.md). Only the holder of the automation lease looks.
/// </summary>
public sealed partial class HandoffOverdueWatcher(
    ShiftCalendar calendar, ShiftService shifts, ShiftHandoffStore handoffs, ShiftFeed feed, NotificationQueue notifications, IAutomationLease lease,
    IOptions<ShiftOptions> options, TimeProvider timeProvider, ILogger<HandoffOverdueWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.OverdueCheckInterval, timeProvider);
        do
        {
            try
            {
                if (lease.IsHeld)
                {
                    await CheckAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogCheckFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Flags and sends the last shift's handoff when it is overdue; true when it did so now.</summary>
    public async Task<bool> CheckAsync(CancellationToken cancellationToken = default)
    {
        var outgoing = calendar.Previous(calendar.Current);
        if (timeProvider.GetUtcNow() < outgoing.End + options.Value.AcknowledgeWithin)
        {
            return false;
        }

        var view = (await shifts.ViewsAsync([outgoing], cancellationToken))[0];
        var nobodyToHandOff = view.Roster.Source == RosterSource.None && view.Handoff.State is HandoffState.NotOpen or HandoffState.Open;
        if (nobodyToHandOff || view.Handoff.State == HandoffState.Acknowledged
            || !await handoffs.FlagOverdueAsync(outgoing.Id, AutomationActors.Shifts.Name, cancellationToken))
        {
            return false;
        }

        feed.Publish(new ShiftChanged(outgoing.Id));
        notifications.Enqueue(Message(view, calendar.Next(outgoing)));
        LogFlagged(outgoing.Id);
        return true;
    }

    private Notification Message(ShiftView outgoing, ShiftWindow incoming)
    {
        var handedOff = outgoing.Handoff.State == HandoffState.HandedOff;
        var minutes = (int)options.Value.AcknowledgeWithin.TotalMinutes;
        return new Notification(
            $"handoff:{outgoing.Id}:overdue",
            NotificationSeverity.Warning,
            $"Handoff of the {outgoing.Name} shift not acknowledged {minutes} min after the change",
            handedOff
                ? $"{outgoing.Handoff.HandedOffBy} handed off the {outgoing.Name} shift; nobody on the {incoming.Name} shift has said \"I have it\"."
                : $"The {outgoing.Name} shift has not handed off, and nobody on the {incoming.Name} shift has acknowledged.",
            [
                new("Outgoing", outgoing.Roster.Primary?.DisplayName ?? "nobody rostered"),
                new("Shift", outgoing.Id),
            ],
            null,
            timeProvider.GetUtcNow(),
            $"/shifts/{outgoing.Id}");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The handoff of shift {ShiftId} is not acknowledged: flagged and sent")]
    private partial void LogFlagged(string shiftId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not check the last handoff; trying again at the next interval")]
    private partial void LogCheckFailed(Exception exception);
}
