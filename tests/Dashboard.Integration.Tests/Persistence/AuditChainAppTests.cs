using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Core.Audit;
using Dashboard.Integration.Tests.Access;
using Dashboard.Integration.Tests.Notifications;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Persistence;

/// <summary>
/// The real app keys its audit chain, signs its head into a checkpoint file and posts it to the webhook, and
/// <c>GET /api/rollouts/{id}/events/verify</c> compares the chain with that checkpoint; a malformed key stops it.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class AuditChainAppTests(InfluxServerFixture influx)
{
    private const string DropTriggers = "DROP TRIGGER AuditEvents_NoUpdate; DROP TRIGGER AuditEvents_NoDelete; ";

    [Fact]
    public async Task PeriodicCheckpoint_IsInTheFileAndPostedToTheWebhook_AndVerifyThenCatchesTheNewestEventsCutOff()
    {
        var state = AppStateFile.InTemp("warroom-audit");
        var checkpointFile = state.Path + ".signed-heads.jsonl";
        await using var receiver = await WebhookReceiver.StartAsync();
        try
        {
            await using var app = await AppProcess.StartAsync(new Dictionary<string, string>
            {
                ["Influx__Url"] = influx.Url.ToString(),
                ["Demo__Enabled"] = "false",
                [state.Setting.Key] = state.Setting.Value,
                ["Audit__CheckpointFile"] = checkpointFile,
                ["Audit__CheckpointInterval"] = "00:00:10",
                ["Notifications__WebhookUrl"] = receiver.Url.ToString(),
            });
            using var admin = await app.SignInAsAdminAsync();
            var head = Convert.ToInt64(await state.ScalarAsync("SELECT MAX(Sequence) FROM AuditEvents"), System.Globalization.CultureInfo.InvariantCulture);

            var posted = await receiver.WaitForDeliveredAsync(
                bodies => bodies.Select(PostedCheckpoint).Any(c => c?.Sequence >= head), $"a checkpoint of record {head} or later posted", TimeSpan.FromSeconds(60));
            var checkpoint = posted.Select(PostedCheckpoint).Last(c => c?.Sequence >= head)!;
            var signed = File.ReadAllLines(checkpointFile).Select(line => JsonSerializer.Deserialize<AuditCheckpoint>(line, JsonSerializerOptions.Web)).ToList();
            Assert.Contains(checkpoint, signed);
            var intact = await VerifyAsync(admin);
            Assert.True(intact.GetProperty("isIntact").GetBoolean(), intact.ToString());
            Assert.True(intact.GetProperty("checkpointSequence").GetInt64() >= checkpoint.Sequence);

            await state.ExecuteAsync(DropTriggers + $"DELETE FROM AuditEvents WHERE Sequence >= {checkpoint.Sequence}");

            var broken = await VerifyAsync(admin);
            Assert.False(broken.GetProperty("isIntact").GetBoolean());
            Assert.Equal(checkpoint.Sequence, broken.GetProperty("brokenAtSequence").GetInt64());
        }
        finally
        {
            state.Delete();
            File.Delete(checkpointFile);
            File.Delete(state.Path + ".audit-key");
        }
    }

    [Fact]
    public async Task Startup_MalformedChainKey_StopsWithAClearMessageThatDoesNotRepeatTheKey()
    {
        const string Key = "definitely-not-a-key";

        await using var app = await AppProcess.RunUntilExitAsync(
            new Dictionary<string, string> { ["Audit__ChainKey"] = Key, ["Demo__Enabled"] = "false" }, TimeSpan.FromSeconds(60));

        Assert.Equal(2, app.ExitCode);
        var line = Assert.Single(app.Output.Split('\n', StringSplitOptions.TrimEntries), l => l.StartsWith("Configuration error:", StringComparison.Ordinal));
        Assert.Contains("Audit:ChainKey is not base64", line, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, app.Output, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> VerifyAsync(HttpClient client) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/rollouts/{Guid.NewGuid()}/events/verify");

    /// <summary>The checkpoint a chat message carries in its fields, or null for any other message.</summary>
    private static AuditCheckpoint? PostedCheckpoint(string body)
    {
        using var json = JsonDocument.Parse(body);
        var attachment = json.RootElement.GetProperty("attachments")[0];
        if (!attachment.GetProperty("title").GetString()!.StartsWith("Audit checkpoint", StringComparison.Ordinal))
        {
            return null;
        }

        var fields = attachment.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("title").GetString()!, f => f.GetProperty("value").GetString()!);
        return new AuditCheckpoint(
            long.Parse(fields["sequence"], System.Globalization.CultureInfo.InvariantCulture),
            fields["hash"],
            DateTimeOffset.Parse(fields["at"], System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(fields["keyedFrom"], System.Globalization.CultureInfo.InvariantCulture),
            fields["keyId"],
            fields["signature"]);
    }
}
