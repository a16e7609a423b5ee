using System.Text.Json;
using Dashboard.TestSupport;
using Dashboard.Web.Features.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Integration.Tests.Notifications;

/// <summary>The dispatcher against a real local webhook: retries, no retry on 4xx, de-duplication, the Slack body.</summary>
public sealed class WebhookDispatcherTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task WebhookFailsTwiceWithServerErrors_MessageIsDeliveredOnceAfterRetries()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 503);
        await using var notifications = await Notifications.StartAsync(receiver.Url);

        Assert.True(notifications.Queue.Enqueue(Message("a")));

        var delivered = await receiver.WaitForDeliveredAsync(1, TimeSpan.FromSeconds(20));
        // The dispatcher counts a message as sent once the receiver's answer is back, a moment after the receiver has it.
        var status = await Eventually.UntilAsync(() => Task.FromResult(notifications.Dispatcher.Status), s => s.Sent == 1, TimeSpan.FromSeconds(10), "the message counted as sent");

        Assert.Single(delivered);
        Assert.Equal(3, receiver.Requests);
        Assert.Equal((1L, 0L), (status.Sent, status.Failed));
    }

    [Fact]
    public async Task WebhookRefusesWithClientError_IsNotRetried_AndCountedAsFailed()
    {
        await using var receiver = await WebhookReceiver.StartAsync(400);
        await using var notifications = await Notifications.StartAsync(receiver.Url);

        notifications.Queue.Enqueue(Message("a"));
        await Eventually.UntilAsync(() => notifications.Dispatcher.Status.Failed == 1, TimeSpan.FromSeconds(10), "the refused message counted as failed");

        Assert.Equal(1, receiver.Requests);
        Assert.Contains("400", notifications.Dispatcher.Status.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameKeyWithinTheReminderInterval_IsSentOnce_AndAgainAfterIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var clock = new FakeTimeProvider(T0);
        await using var notifications = await Notifications.StartAsync(receiver.Url, clock);

        notifications.Queue.Enqueue(Message("sign-off"));
        await receiver.WaitForDeliveredAsync(1, TimeSpan.FromSeconds(10));
        notifications.Queue.Enqueue(Message("sign-off"));
        notifications.Queue.Enqueue(Message("other"));
        await receiver.WaitForDeliveredAsync(2, TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromMinutes(30));
        notifications.Queue.Enqueue(Message("sign-off"));
        await receiver.WaitForDeliveredAsync(3, TimeSpan.FromSeconds(10));
        // One consumer in queue order: once the third is counted as sent, the duplicate before it has been judged.
        var status = await Eventually.UntilAsync(() => Task.FromResult(notifications.Dispatcher.Status), s => s.Sent == 3, TimeSpan.FromSeconds(10), "three messages counted as sent");

        Assert.Equal(3, receiver.Requests);
        Assert.Equal(1, status.Suppressed);
    }

    [Fact]
    public async Task Message_IsSlackCompatibleJsonWithColourFieldsAndALinkToTheRollout()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var notifications = await Notifications.StartAsync(receiver.Url, publicUrl: "https://warroom.example/");
        var rolloutId = Guid.NewGuid();

        notifications.Queue.Enqueue(Message("a", rolloutId) with { Severity = NotificationSeverity.Critical, Title = "analyzer 1.5.0 rolled back in phase canary" });

        using var body = JsonDocument.Parse((await receiver.WaitForDeliveredAsync(1, TimeSpan.FromSeconds(10)))[0]);
        var root = body.RootElement;
        var attachment = root.GetProperty("attachments")[0];
        Assert.Equal("[CRITICAL] analyzer 1.5.0 rolled back in phase canary", root.GetProperty("text").GetString());
        Assert.Equal("#d32f2f", attachment.GetProperty("color").GetString());
        Assert.Equal($"https://warroom.example/rollouts/{rolloutId}", attachment.GetProperty("title_link").GetString());
        Assert.Equal("By bob: error rate above 1.5 %", attachment.GetProperty("text").GetString());
        Assert.Equal(("Phase", "canary", true), (
            attachment.GetProperty("fields")[0].GetProperty("title").GetString(),
            attachment.GetProperty("fields")[0].GetProperty("value").GetString(),
            attachment.GetProperty("fields")[0].GetProperty("short").GetBoolean()));
        Assert.Equal(T0.ToUnixTimeSeconds(), attachment.GetProperty("ts").GetInt64());
    }

    [Fact]
    public async Task Message_EveryPieceOfTextIsEscapedForSlack()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var notifications = await Notifications.StartAsync(receiver.Url, publicUrl: "https://warroom.example/");
        var rolloutId = Guid.NewGuid();

        notifications.Queue.Enqueue(new Notification(
            "escape", NotificationSeverity.Info, "svc <!here> v2 & co", "By <@U123>: <https://evil.example|https://warroom.example/>",
            [new("Sign-off <!subteam^S1>", "<!channel> & <mailto:a@evil.example|ops>")], rolloutId, T0));

        using var body = JsonDocument.Parse((await receiver.WaitForDeliveredAsync(1, TimeSpan.FromSeconds(10)))[0]);
        var root = body.RootElement;
        var attachment = root.GetProperty("attachments")[0];
        var field = attachment.GetProperty("fields")[0];
        Assert.Equal("[INFO] svc &lt;!here&gt; v2 &amp; co", root.GetProperty("text").GetString());
        Assert.Equal("svc &lt;!here&gt; v2 &amp; co", attachment.GetProperty("title").GetString());
        Assert.Equal("By &lt;@U123&gt;: &lt;https://evil.example|https://warroom.example/&gt;", attachment.GetProperty("text").GetString());
        Assert.Equal("Sign-off &lt;!subteam^S1&gt;", field.GetProperty("title").GetString());
        Assert.Equal("&lt;!channel&gt; &amp; &lt;mailto:a@evil.example|ops&gt;", field.GetProperty("value").GetString());
        Assert.Equal($"https://warroom.example/rollouts/{rolloutId}", attachment.GetProperty("title_link").GetString());
    }

    [Fact]
    public async Task WithoutWebhookUrl_NothingIsQueued()
    {
        await using var notifications = await Notifications.StartAsync(webhook: null);

        Assert.False(notifications.Queue.Enqueue(Message("a")));
        Assert.False(notifications.Dispatcher.Status.Enabled);
    }

    private static Notification Message(string key, Guid? rolloutId = null) =>
        new(key, NotificationSeverity.Warning, $"title {key}", "By bob: error rate above 1.5 %", [new("Phase", "canary")], rolloutId, T0);

    /// <summary>The notification services as the app registers them, with short retry delays.</summary>
    private sealed class Notifications(ServiceProvider provider) : IAsyncDisposable
    {
        public NotificationQueue Queue => provider.GetRequiredService<NotificationQueue>();

        public WebhookDispatcher Dispatcher => provider.GetRequiredService<WebhookDispatcher>();

        public static async Task<Notifications> StartAsync(Uri? webhook, TimeProvider? clock = null, string? publicUrl = null)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Notifications:WebhookUrl"] = webhook?.ToString() ?? string.Empty,
                ["Notifications:PublicUrl"] = publicUrl ?? string.Empty,
                ["Notifications:RetryBaseDelay"] = "00:00:00.05",
                ["Notifications:MaxRetryDelay"] = "00:00:00.2",
            }).Build();
            var services = new ServiceCollection().AddLogging();
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }

            services.AddSingleton<Dashboard.Web.Features.Rollouts.RolloutChangeFeed>();
            services.AddNotifications(configuration);
            var provider = services.BuildServiceProvider();
            await provider.GetRequiredService<WebhookDispatcher>().StartAsync(CancellationToken.None);
            return new Notifications(provider);
        }

        public async ValueTask DisposeAsync()
        {
            await Dispatcher.StopAsync(CancellationToken.None);
            await provider.DisposeAsync();
        }
    }
}
