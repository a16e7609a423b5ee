namespace Dashboard.Web.Features.Notifications;

/// <summary>What <c>GET /api/notifications/status</c> reports: whether a webhook is set and what happened to the messages so far.</summary>
public sealed record NotificationStatus(bool Enabled, long Sent, long Suppressed, long Failed, long Dropped, DateTimeOffset? LastSentAt, string? LastError);
