namespace Dashboard.Web.Features.Guardrails;

/// <summary>
/// The guardrails' latest status, in memory: the monitor publishes each poll, the router retry raises,
/// updates and clears alerts. Pages and the REST endpoint read <see cref="Current"/> and subscribe to
/// <see cref="Changed"/>; handlers run on the publishing thread and their failures are logged.
/// </summary>
public sealed partial class GuardrailStatusBoard(ILogger<GuardrailStatusBoard> logger)
{
    private readonly Lock sync = new();
    private GuardrailStatus current = GuardrailStatus.Initial;

    public event Action<GuardrailStatus>? Changed;

    public GuardrailStatus Current
    {
        get
        {
            lock (sync)
            {
                return current;
            }
        }
    }

    /// <summary>Replaces the poll's part of the status; alerts are kept as they are.</summary>
    public void PublishPoll(GuardrailStatus poll)
    {
        ArgumentNullException.ThrowIfNull(poll);
        Update(status => poll with { Alerts = status.Alerts });
    }

    /// <summary>Raises or updates the alert of <see cref="RouterAlert.RolloutId"/>.</summary>
    public void SetAlert(RouterAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        Update(status => status with { Alerts = [.. status.Alerts.Where(a => a.RolloutId != alert.RolloutId), alert] });
    }

    public void ClearAlert(Guid rolloutId) =>
        Update(status => status with { Alerts = [.. status.Alerts.Where(a => a.RolloutId != rolloutId)] });

    private void Update(Func<GuardrailStatus, GuardrailStatus> change)
    {
        GuardrailStatus next;
        lock (sync)
        {
            next = current = change(current);
        }

        foreach (var handler in Changed?.GetInvocationList().Cast<Action<GuardrailStatus>>() ?? [])
        {
            try
            {
                handler(next);
            }
            catch (Exception ex)
            {
                LogHandlerFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber failed to handle the guardrail status")]
    private partial void LogHandlerFailed(Exception exception);
}
