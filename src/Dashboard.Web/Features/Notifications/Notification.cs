namespace Dashboard.Web.Features.Notifications;

/// <summary>
/// One message for the team's chat. <see cref="DedupKey"/> names the condition it reports: another
/// message with the same key is sent only after <c>Notifications:ReminderInterval</c>.
/// </summary>
/// <param name="DedupKey">E.g. "{rolloutId}:0:signOff"; unique per occurrence for one-off events.</param>
/// <param name="Severity">Colour and urgency.</param>
/// <param name="Title">One line, e.g. "ultra-fast-analyzer v3.0.0 rolled back in phase canary".</param>
/// <param name="Text">Who, why, details.</param>
/// <param name="Fields">Short labelled facts shown side by side.</param>
/// <param name="RolloutId">The rollout it is about, for the link.</param>
/// <param name="At">When it happened.</param>
/// <param name="Path">The page the link opens (e.g. a checkpoint's); null for the rollout's page.</param>
public sealed record Notification(
    string DedupKey,
    NotificationSeverity Severity,
    string Title,
    string Text,
    IReadOnlyList<KeyValuePair<string, string>> Fields,
    Guid? RolloutId,
    DateTimeOffset At,
    string? Path = null);
