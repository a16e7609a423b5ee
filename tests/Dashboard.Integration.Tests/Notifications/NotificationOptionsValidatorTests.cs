using Dashboard.Web.Features.Notifications;

namespace Dashboard.Integration.Tests.Notifications;

public sealed class NotificationOptionsValidatorTests
{
    private static readonly NotificationOptionsValidator Validator = new();

    [Fact]
    public void Defaults_WithoutWebhook_AreValid() =>
        Assert.True(Validator.Validate(null, new NotificationOptions()).Succeeded);

    [Theory]
    [InlineData("hooks.slack.com/services/x", "Notifications:WebhookUrl must be an absolute http(s) URL")]
    [InlineData("ftp://example.com/hook", "Notifications:WebhookUrl must be an absolute http(s) URL")]
    public void WebhookUrl_NotHttp_IsRefusedNamingTheKey(string url, string expected)
    {
        var result = Validator.Validate(null, new NotificationOptions { WebhookUrl = url });

        Assert.Contains(result.Failures!, failure => failure.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void RetryAndReminderLimits_AreCheckedTogether()
    {
        var result = Validator.Validate(null, new NotificationOptions
        {
            WebhookUrl = "http://127.0.0.1:9/hook",
            MaxAttempts = 0,
            RetryBaseDelay = TimeSpan.FromMinutes(2),
            MaxRetryDelay = TimeSpan.FromMinutes(1),
            ReminderInterval = TimeSpan.Zero,
        });

        Assert.Equal(3, result.Failures!.Count());
    }
}
