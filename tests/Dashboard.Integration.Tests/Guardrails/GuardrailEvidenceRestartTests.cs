using System.Text.Json;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Guardrails;

/// <summary>
/// The sequential evidence lives in InfluxDB, not in the process: a restarted app replays the phase run's cells
/// and goes on from the evidence it had, instead of being blind and starting from nothing (docs/guardrails.md,
/// "Sequential judge").
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class GuardrailEvidenceRestartTests(InfluxServerFixture influx)
{
    [Fact]
    public async Task AppRestart_RebuildsTheEvidenceFromInfluxDb_InsteadOfStartingFromNothing()
    {
        var folder = Directory.CreateTempSubdirectory("guardrail-restart-").FullName;
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["Influx__Database"] = await influx.CreateDatabaseAsync("guardrails"),
                ["StateStore__ConnectionString"] = $"Data Source={Path.Combine(folder, "state.db")}",
            };
            Guid id;
            Evidence before;
            await using (var app = await GuardrailApp.StartAsync(influx, settings))
            {
                id = await GuardrailApp.StartRolloutAsync(app);
                before = await EvidenceAsync(app, id, "20 s of evidence", spanSeconds => spanSeconds >= 20);
            }

            await using var restarted = await GuardrailApp.StartAsync(influx, settings);
            var after = await EvidenceAsync(restarted, id, "the first evidence after the restart", _ => true);

            Assert.Equal(before.Since, after.Since);
            Assert.True(after.CanaryTrials >= before.CanaryTrials, $"{after.CanaryTrials} canary requests after the restart, {before.CanaryTrials} before");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // The error trigger's evidence once it holds canary requests and done accepts the seconds from its start to the newest point.
    private static async Task<Evidence> EvidenceAsync(RolloutApiApp app, Guid id, string what, Func<double, bool> done)
    {
        var found = await GuardrailApp.WaitForAsync(app, what, async () =>
        {
            var status = await app.GetAsync("/api/guardrails/status");
            var rollout = status.GetProperty("rollouts").EnumerateArray().FirstOrDefault(r => r.GetProperty("rolloutId").GetGuid() == id);
            if (rollout.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var rule = rollout.GetProperty("rules").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "trigger:0");
            if (rule.GetProperty("evidence") is not { ValueKind: JsonValueKind.Array } list || list.GetArrayLength() == 0)
            {
                return null;
            }

            var evidence = list[0];
            var span = status.GetProperty("newestPointAt").GetDateTimeOffset() - evidence.GetProperty("since").GetDateTimeOffset();
            return evidence.GetProperty("canaryTrials").GetInt64() > 0 && done(span.TotalSeconds) ? evidence : null;
        });
        return new Evidence(found.GetProperty("since").GetDateTimeOffset(), found.GetProperty("canaryTrials").GetInt64());
    }

    private sealed record Evidence(DateTimeOffset Since, long CanaryTrials);
}
