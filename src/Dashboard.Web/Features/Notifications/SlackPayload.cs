using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Web.Features.Notifications;

/// <summary>
/// The body of a Slack-compatible incoming webhook: <c>text</c> for clients that show only that, and
/// one legacy attachment with colour, title (linked to the page the notification names, or else the rollout page, when
/// <c>Notifications:PublicUrl</c> is set), text, short fields, footer and timestamp. Mattermost,
/// Rocket.Chat and Teams' Slack-compatible connectors read the same shape. Every piece of text is escaped
/// (<see cref="Escape"/>): reasons, names and comments come from people, and Slack reads <c>&lt;…&gt;</c> in
/// them as mentions (<c>&lt;!channel&gt;</c>, <c>&lt;@U123&gt;</c>) and links whose words may hide another
/// address. The app's own link is <c>title_link</c>, a plain URL field that needs no escaping.
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
            $"{Marker(notification.Severity)} {Escape(notification.Title)}",
            [
                new Attachment(
                    Colour(notification.Severity),
                    Escape(notification.Title),
                    link,
                    Escape(notification.Text),
                    [.. notification.Fields.Select(f => new Field(Escape(f.Key), Escape(f.Value), Short: true))],
                    "Rollout War Room",
                    notification.At.ToUnixTimeSeconds()),
            ]);
        return JsonSerializer.Serialize(body, Json);
    }

    /// <summary>
    /// Slack's own escaping of message text: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> become entities (shown
    /// as the characters), so nothing a person typed can become a mention, a link or a command.
    /// </summary>
    private static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
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
