using System.Text.Json;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Guardrails;

/// <summary>
/// What the guardrails remember between polls lives in the state store, not in the process: an app killed and started
/// again on the same store goes on from it, as another instance taking over the lease would (docs/guardrails.md,
/// "What the guardrails remember").
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class GuardrailMemoryRestartTests(InfluxServerFixture influx)
{
    [Fact]
    public async Task AppKilledWhileBlind_TheNextStartKeepsWhenTheBlindPeriodBegan_AndRecordsItOnce()
    {
        var folder = Directory.CreateTempSubdirectory("guardrail-memory-").FullName;
        try
        {
            // No metrics at all: every trigger is without data from the first poll on.
            var settings = new Dictionary<string, string>
            {
                ["Demo__Enabled"] = "false",
                ["StateStore__ConnectionString"] = $"Data Source={Path.Combine(folder, "state.db")}",
            };
            Guid id;
            DateTimeOffset blindBefore;
            await using (var first = await GuardrailApp.StartAsync(influx, settings))
            {
                id = await GuardrailApp.StartRolloutAsync(first);
                blindBefore = await BlindSinceAsync(first, id);
            }

            var restartedAt = DateTimeOffset.UtcNow;
            await using var second = await GuardrailApp.StartAsync(influx, settings);
            var blindAfter = await BlindSinceAsync(second, id);
            var blindStarts = (await second.GetAsync($"/api/rollouts/{id}/events")).EnumerateArray()
                .Where(e => e.GetProperty("kind").GetString() == "guardrail.blindStarted").ToList();

            Assert.Equal(blindBefore, blindAfter);
            Assert.True(blindAfter < restartedAt, $"blind since {blindAfter:O}, restarted at {restartedAt:O}");
            Assert.Single(blindStarts);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AppKilledWhileTheRouterAlertIsRetried_TheNextStartResumesTheSameAlert_UntilHaproxyConfirmsZero()
    {
        var folder = Directory.CreateTempSubdirectory("guardrail-alert-").FullName;
        await using var baseline = TinyHttpBackend.Start(HaproxyServer.BaselineServer);
        await using var canary = TinyHttpBackend.Start(HaproxyServer.CanaryServer);
        await using var haproxy = await HaproxyServer.StartAsync(baseline.Port, canary.Port);
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["Influx__Database"] = await influx.CreateDatabaseAsync("guardrails"),
                ["StateStore__ConnectionString"] = $"Data Source={Path.Combine(folder, "state.db")}",
                ["Routing__Kind"] = "Haproxy",
                ["Routing__Haproxy__RuntimeApi"] = haproxy.UnixRuntimeApi,
                ["Routing__Haproxy__Timeout"] = "00:00:02",
            };
            var aside = haproxy.AdminSocketPath + ".aside";
            Guid id;
            JsonElement before;
            await using (var first = await GuardrailApp.StartAsync(influx, settings))
            {
                id = await GuardrailApp.StartRolloutAsync(first);
                await GuardrailApp.WaitUntilJudgedAsync(first, id);
                // The socket's name disappears: the rollback is saved, the router cannot be told.
                File.Move(haproxy.AdminSocketPath, aside);
                await first.PostAsync("/api/demo/faults", new { kind = "errorSpike", magnitude = 3, durationSeconds = 300 });
                before = await GuardrailApp.WaitForAsync(first, "the router alert retried", async () =>
                    await AlertAsync(first, id) is { } alert && alert.GetProperty("attempts").GetInt32() > 1 ? alert : null);
            }

            await using var second = await GuardrailApp.StartAsync(influx, settings);
            var resumed = await GuardrailApp.WaitForAsync(second, "the kept router alert retried again", async () =>
                await AlertAsync(second, id) is { } alert && alert.GetProperty("attempts").GetInt32() > before.GetProperty("attempts").GetInt32() ? alert : null);
            File.Move(aside, haproxy.AdminSocketPath);
            await GuardrailApp.WaitForAsync(second, "the router alert to clear", async () =>
                await AlertAsync(second, id) is null ? JsonDocument.Parse("{}").RootElement : null);
            var canaryWeight = await haproxy.SendCommandAsync($"get weight {HaproxyServer.Backend}/{HaproxyServer.CanaryServer}");
            var rollbacks = (await second.GetAsync($"/api/rollouts/{id}/events")).EnumerateArray()
                .Count(e => e.GetProperty("kind").GetString() == "rollout.rolledBack");

            Assert.Equal(before.GetProperty("since").GetDateTimeOffset(), resumed.GetProperty("since").GetDateTimeOffset());
            Assert.Equal(0, resumed.GetProperty("wantedPercent").GetInt32());
            Assert.StartsWith("0 ", canaryWeight, StringComparison.Ordinal);
            Assert.Equal(1, rollbacks);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Task<DateTimeOffset> BlindSinceAsync(RolloutApiApp app, Guid id) =>
        ValueAsync(app, "the rollout's blind period", async () =>
        {
            var rollout = (await app.GetAsync("/api/guardrails/status")).GetProperty("rollouts").EnumerateArray()
                .FirstOrDefault(r => r.GetProperty("rolloutId").GetGuid() == id);
            return rollout.ValueKind == JsonValueKind.Object && rollout.GetProperty("blindSince").ValueKind == JsonValueKind.String
                ? rollout.GetProperty("blindSince").GetDateTimeOffset()
                : null;
        });

    private static async Task<DateTimeOffset> ValueAsync(RolloutApiApp app, string what, Func<Task<DateTimeOffset?>> probe)
    {
        var found = await Eventually.UntilAsync(probe, value => value is not null, TimeSpan.FromSeconds(60), what, _ => $"nothing. App output:\n{app.Output}");
        return found!.Value;
    }

    /// <summary>The rollout's router alert, or null when there is none.</summary>
    private static async Task<JsonElement?> AlertAsync(RolloutApiApp app, Guid id)
    {
        var alert = (await app.GetAsync("/api/guardrails/status")).GetProperty("alerts").EnumerateArray().FirstOrDefault(a => a.GetProperty("rolloutId").GetGuid() == id);
        return alert.ValueKind == JsonValueKind.Object ? alert : null;
    }
}
