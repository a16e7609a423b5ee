using System.Text.Json;
using Dashboard.Core.Metrics;
using Dashboard.Infrastructure.Influx;
using Dashboard.Integration.Tests.Metrics;
using Dashboard.Integration.Tests.TestSupport;

namespace Dashboard.Integration.Tests.Guardrails;

/// <summary>
/// The guardrails in the real app while canary points are half written (docs/guardrails.md): the
/// polls are blind for "incomplete points" — never judged on the torn numbers — until the second
/// halves land, and then judged again.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class GuardrailTornReadTests(InfluxServerFixture influx)
{
    [Fact]
    public async Task CanaryPointsHalfWritten_PollsAreBlindForIncompletePoints_UntilTheSecondHalvesLand()
    {
        var database = await influx.CreateDatabaseAsync("guardrails");
        await using var writer = new MetricsReaderHost(influx.Url, database);
        await using var app = await GuardrailApp.StartAsync(influx, new Dictionary<string, string> { ["Influx__Database"] = database });
        var id = await GuardrailApp.StartRolloutAsync(app);
        await GuardrailApp.WaitUntilJudgedAsync(app, id);

        // One half-written point a second for the next minute, so every 10 s window of that minute holds some.
        var start = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var times = Enumerable.Range(0, 60).Select(second => start.AddSeconds(second)).ToList();
        await writer.Influx.WriteAsync([.. times.Select(at => HalfWrittenPoint.FirstHalf(CanaryPoint(at), errors: 0))]);
        var blind = await GuardrailApp.WaitForAsync(app, "a poll blind for incomplete points", async () =>
        {
            var status = await app.GetAsync("/api/guardrails/status");
            return BlindReason(status)?.StartsWith(HistogramConsistency.IncompletePoints, StringComparison.Ordinal) == true ? status : null;
        });

        await writer.Influx.WriteAsync([.. times.Select(at => HalfWrittenPoint.SecondHalf(CanaryPoint(at)))]);
        var whole = DateTimeOffset.UtcNow;
        var judged = await GuardrailApp.WaitForAsync(app, "a poll judged on the whole points", async () =>
        {
            var status = await app.GetAsync("/api/guardrails/status");
            return status.GetProperty("lastPollAt").GetDateTimeOffset() > whole && BlindReason(status) is null ? status : null;
        });

        Assert.Equal(
            $"incomplete points: a canary requests point in the last {blind.GetProperty("windowSeconds").GetInt32()} s was still partly written after 2 re-reads",
            BlindReason(blind));
        var rollout = judged.GetProperty("rollouts").EnumerateArray().Single(r => r.GetProperty("rolloutId").GetGuid() == id);
        Assert.Contains(rollout.GetProperty("rules").EnumerateArray(), rule =>
            rule.GetProperty("values").TryGetProperty("p99Ms", out var p99) && p99.ValueKind == JsonValueKind.Number);
    }

    private static string? BlindReason(JsonElement status) => status.GetProperty("blindReason").GetString();

    private static InfluxPoint CanaryPoint(DateTimeOffset at) => new InfluxPoint("requests", at)
        .Tag("service", "ultra-fast-analyzer").Tag("cohort", "canary").Tag("segment", "torn").Tag("region", "eu");
}
