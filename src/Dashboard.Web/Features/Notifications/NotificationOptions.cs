namespace Dashboard.Web.Features.Notifications;

/// <summary>The <c>Notifications</c> section: where and how alerts are posted (docs/notifications.md).</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>A Slack-compatible incoming-webhook URL; empty turns notifications off.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The app's address as people reach it, for links in messages (e.g. <c>https://warroom.example</c>); empty leaves links out.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Limit of one POST.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per message (the first included) on 429, 5xx, timeouts and connection failures.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry delay; doubles per attempt, jittered, capped by <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A message with the same de-duplication key is sent again only after this long (sign-off reminders use it too).</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Messages waiting to be sent; when full, new ones are dropped and counted.</summary>
    public int QueueCapacity { get; set; } = 1000;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(WebhookUrl);
}
