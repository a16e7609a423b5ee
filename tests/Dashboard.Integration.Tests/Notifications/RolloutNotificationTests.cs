using System.Net;
using System.Text.Json;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Notifications;

/// <summary>The real app posts to a local chat webhook when a rollout is held or rolled back, or the router fails.</summary>
[Collection(InfluxCollection.Name)]
public sealed class RolloutNotificationTests(InfluxServerFixture influx)
{
    [Fact]
    public async Task HoldThenRollBack_PostOneWarningAndOneCriticalMessageNamingWhoAndWhy()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await RolloutApiApp.StartAsync(influx.Url, extra: Webhook(receiver));
        var id = await app.CreateRolloutAsync();
        await app.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });

        await app.PostAsync($"/api/rollouts/{id}/hold", new { reason = "latency blip" });
        await app.PostAsync($"/api/rollouts/{id}/rollback", new { reason = "error rate above 1.5 %" });

        var delivered = await receiver.WaitForDeliveredAsync(2, TimeSpan.FromSeconds(30));
        var texts = delivered.Select(Text).ToList();
        Assert.Equal(["[WARNING] analyzer 1.5.0 held in phase canary", "[CRITICAL] analyzer 1.5.0 rolled back in phase canary"], texts);
        Assert.Contains($"By {TestPeople.Admin}: error rate above 1.5 %", delivered[1], StringComparison.Ordinal);
        Assert.Contains("1 % → 0 %", delivered[1], StringComparison.Ordinal);
        // The dispatcher counts a message as sent once the receiver's answer is back, a moment after the receiver has it.
        var sent = await app.WaitForAsync(() => SentAsync(app), count => count >= 2, "two messages counted as sent", TimeSpan.FromSeconds(10));
        Assert.Equal(2, sent);
    }

    [Fact]
    public async Task RouterDoesNotConfirm_PostsACriticalMessageWithTheRoutersWords()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var settings = new Dictionary<string, string>(Webhook(receiver))
        {
            ["Routing__Kind"] = "Haproxy",
            ["Routing__Haproxy__RuntimeApi"] = $"tcp:127.0.0.1:{FreePort.Next()}",
            ["Routing__Haproxy__Timeout"] = "00:00:02",
        };
        await using var app = await RolloutApiApp.StartAsync(influx.Url, extra: settings);
        var id = await app.CreateRolloutAsync();

        var (status, _) = await app.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });

        Assert.Equal(HttpStatusCode.BadGateway, status);
        var delivered = await receiver.WaitForDeliveredAsync(1, TimeSpan.FromSeconds(30));
        Assert.Equal("[CRITICAL] analyzer 1.5.0: the router did not confirm 1 % canary traffic", Text(delivered[0]));
    }

    [Fact]
    public async Task MentionsAndDisguisedLinksInNamesAndReasons_ArriveEscaped_WhileTheAppsOwnLinkStaysAUrl()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var settings = new Dictionary<string, string>(Webhook(receiver)) { ["Notifications__PublicUrl"] = "https://warroom.example/" };
        await using var app = await RolloutApiApp.StartAsync(influx.Url, extra: settings);
        var (created, rollout) = await app.PostAsync("/api/rollouts", new
        {
            service = "api <!here>",
            baselineVersion = "1.4.0",
            candidateVersion = "1.5.0 <@U123>",
            planId = "three-phase",
            reason = "release",
        });
        Assert.Equal(HttpStatusCode.Created, created);
        var id = rollout.GetProperty("id").GetGuid();
        await app.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });

        await app.PostAsync($"/api/rollouts/{id}/hold", new { reason = "<!channel> p99 > 200 ms & rising, see <https://evil.example|https://warroom.example/ok>" });

        var delivered = await receiver.WaitForDeliveredAsync(1, TimeSpan.FromSeconds(30));
        using var json = JsonDocument.Parse(delivered[0]);
        var attachment = json.RootElement.GetProperty("attachments")[0];
        Assert.Equal("[WARNING] api &lt;!here&gt; 1.5.0 &lt;@U123&gt; held in phase canary", Text(delivered[0]));
        Assert.Equal("api &lt;!here&gt; 1.5.0 &lt;@U123&gt; held in phase canary", attachment.GetProperty("title").GetString());
        Assert.Equal(
            $"By {TestPeople.Admin}: &lt;!channel&gt; p99 &gt; 200 ms &amp; rising, see &lt;https://evil.example|https://warroom.example/ok&gt;",
            attachment.GetProperty("text").GetString());
        Assert.Equal($"https://warroom.example/rollouts/{id}", attachment.GetProperty("title_link").GetString());
        AssertNoSlackMarkup(json.RootElement);
    }

    /// <summary>No string anywhere in the body but the app's own link holds a character Slack reads as markup.</summary>
    private static void AssertNoSlackMarkup(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject().Where(p => p.Name != "title_link"))
                {
                    AssertNoSlackMarkup(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    AssertNoSlackMarkup(item);
                }

                break;
            case JsonValueKind.String:
                Assert.DoesNotMatch("[<>]|&(?!(amp|lt|gt);)", element.GetString()!);
                break;
        }
    }

    private static async Task<long> SentAsync(RolloutApiApp app) =>
        (await app.GetAsync("/api/notifications/status")).GetProperty("sent").GetInt64();

    private static Dictionary<string, string> Webhook(WebhookReceiver receiver) => new()
    {
        ["Notifications__WebhookUrl"] = receiver.Url.ToString(),
        ["Notifications__RetryBaseDelay"] = "00:00:00.1",
    };

    private static string Text(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("text").GetString()!;
    }
}
