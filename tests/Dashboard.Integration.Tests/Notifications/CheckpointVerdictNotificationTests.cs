using System.Text.Json;
using Dashboard.Integration.Tests.Checkpoints;
using Dashboard.Integration.Tests.TestSupport;

namespace Dashboard.Integration.Tests.Notifications;

/// <summary>A persisted checkpoint verdict that is not a pass reaches a local chat webhook once, linking to its checkpoint page.</summary>
[Collection(InfluxCollection.Name)]
public sealed class CheckpointVerdictNotificationTests(InfluxServerFixture influx)
{
    [Fact]
    public async Task NotPassingVerdict_PostsOneCriticalMessageLinkingToTheCheckpointPage_AfterARetry()
    {
        // The first attempt fails: the message is retried, and still arrives once.
        await using var receiver = await WebhookReceiver.StartAsync(500);
        await using var app = await CheckpointPageApp.StartAsync(influx, new Dictionary<string, string>
        {
            ["Notifications__WebhookUrl"] = receiver.Url.ToString(),
            ["Notifications__PublicUrl"] = "http://warroom.test",
            ["Notifications__RetryBaseDelay"] = "00:00:00.1",
            // No data flows: the first checkpoint is NO_DATA, never a pass.
            ["Demo__Enabled"] = "false",
        });
        var (id, _) = await CheckpointPageApp.StartRolloutWithFirstVerdictAsync(app);
        await receiver.WaitForDeliveredAsync(delivered => delivered.Any(IsCheckpointMessage), "the checkpoint message", TimeSpan.FromSeconds(30));

        // "Once" needs an event after it, not a pause: the dispatcher sends one message at a time in queue order, so when
        // the roll-back's message (queued after any copy of the verdict's) has arrived, every copy would have arrived too.
        await app.WaitForStateAsync(id, "Held");
        await app.PostAsync($"/api/rollouts/{id}/rollback", new { reason = "no data" });
        var delivered = await receiver.WaitForDeliveredAsync(
            bodies => bodies.Any(body => Text(body).Contains("rolled back", StringComparison.Ordinal)), "the roll-back message", TimeSpan.FromSeconds(30));
        var checkpointMessages = delivered.Where(IsCheckpointMessage).ToList();

        var message = Assert.Single(checkpointMessages);
        Assert.Equal("[CRITICAL] analyzer 1.5.0: checkpoint 15m of phase canary is NO DATA", Text(message));
        using var json = JsonDocument.Parse(message);
        var attachment = json.RootElement.GetProperty("attachments")[0];
        Assert.Equal($"http://warroom.test/rollouts/{id}/checkpoints/0/900", attachment.GetProperty("title_link").GetString());
        Assert.Contains("Error rate NO DATA: No data in", attachment.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    private static bool IsCheckpointMessage(string body) => Text(body).Contains("checkpoint", StringComparison.Ordinal);

    private static string Text(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("text").GetString()!;
    }
}
