using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Web.Features.Notifications;

/// <summary>
/// The body of a Slack-compatible incoming webhook: <c>text</c> for clients that show only that, and
/// one legacy attachment with colour, title (linked to the page the notification names, or else the rollout page, when
/// <c>Notifications:PublicUrl</c> is set), text, short fields, footer and timestamp. Mattermost,
/// Rocket.Chat and Teams' Slack-compatible connectors read the same shape.
/// </summary>
public static class SlackPayload
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,

        // A JSON body for a chat service, never embedded in HTML: keep "→" and "%" readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(Notification notification, Uri? publicUrl)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var path = notification.Path ?? (notification.RolloutId is { } id ? $"/rollouts/{id}" : null);
        var link = publicUrl is not null && path is not null ? new Uri(publicUrl, path).ToString() : null;
        var body = new Body(
            $"{Marker(notification.Severity)} {notification.Title}",
            [
                new Attachment(
                    Colour(notification.Severity),
                    notification.Title,
                    link,
                    notification.Text,
                    [.. notification.Fields.Select(f => new Field(f.Key, f.Value, Short: true))],
                    "Rollout War Room",
                    notification.At.ToUnixTimeSeconds()),
            ]);
        return JsonSerializer.Serialize(body, Json);
    }

    private static string Marker(NotificationSeverity severity) => severity switch
    {
        NotificationSeverity.Critical => "[CRITICAL]",
        NotificationSeverity.Warning => "[WARNING]",
        _ => "[INFO]",
    };

    private static string Colour(NotificationSeverity severity) => severity switch
    {
        NotificationSeverity.Critical => "#d32f2f",
        NotificationSeverity.Warning => "#f5a623",
        _ => "#5b8def",
    };

    private sealed record Body(string Text, IReadOnlyList<Attachment> Attachments);

    private sealed record Attachment(string Color, string Title, string? TitleLink, string Text, IReadOnlyList<Field> Fields, string Footer, long Ts);

    private sealed record Field(string Title, string Value, bool Short);
}
