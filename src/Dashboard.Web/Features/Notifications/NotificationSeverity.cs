namespace Dashboard.Web.Features.Notifications;

/// <summary>How loud a notification is; sets its colour in the chat message.</summary>
public enum NotificationSeverity
{
    Info,
    Warning,
    Critical,
}
