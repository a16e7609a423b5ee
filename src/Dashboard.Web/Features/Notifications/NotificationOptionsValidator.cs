using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Notifications;

/// <summary>Checks the <c>Notifications</c> section at start-up; every message names its key.</summary>
public sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string section = NotificationOptions.SectionName;
        var failures = new List<string>();
        if (options.IsEnabled && !IsHttpUrl(options.WebhookUrl))
        {
            failures.Add($"{section}:WebhookUrl must be an absolute http(s) URL or empty");
        }

        if (!string.IsNullOrWhiteSpace(options.PublicUrl) && !IsHttpUrl(options.PublicUrl))
        {
            failures.Add($"{section}:PublicUrl must be an absolute http(s) URL or empty");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{section}:Timeout must be positive and at most 00:05:00");
        }

        if (options.MaxAttempts is < 1 or > 20)
        {
            failures.Add($"{section}:MaxAttempts must be within 1..20");
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.RetryBaseDelay)
        {
            failures.Add($"{section}:RetryBaseDelay must be positive and at most {section}:MaxRetryDelay");
        }

        if (options.ReminderInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{section}:ReminderInterval must be at least 00:00:01");
        }

        if (options.QueueCapacity is < 1 or > 100_000)
        {
            failures.Add($"{section}:QueueCapacity must be within 1..100000");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
