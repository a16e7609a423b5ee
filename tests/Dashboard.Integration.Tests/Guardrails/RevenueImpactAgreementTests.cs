using System.Collections.Concurrent;
using System.Text.Json;
using Dashboard.Core.Metrics;
using Dashboard.Infrastructure.Influx;
using Dashboard.Integration.Tests.Metrics;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Integration.Tests.Guardrails;

/// <summary>
/// Revenue impact is one computation (docs/metrics.md, "Revenue per learner"): the dashboard's 5 min snapshot
/// (REST), the live state the tiles and the rollout page judge (pushed on /hubs/live) and the guardrail read
/// the same value for a canary that began 45 s ago — where the old formula read −85 % on the dashboard.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class RevenueImpactAgreementTests(InfluxServerFixture influx)
{
    private const string Service = "revenue-agreement";
    private static readonly string[] ViewerRole = ["Viewer"];

    [Fact]
    public async Task CanaryOf45Seconds_DashboardLiveStateAndGuardrail_ReadTheSamePlus4Percent()
    {
        var database = await influx.CreateDatabaseAsync("guardrails");
        await using var writer = new MetricsReaderHost(influx.Url, database);
        await using var app = await GuardrailApp.StartAsync(influx, new Dictionary<string, string>
        {
            ["Influx__Database"] = database,
            ["Metrics__Service"] = Service,
            ["Guardrails__MinCanaryRequests"] = "0",
            ["LiveMetrics__PollInterval"] = "00:00:01",
        });
        var pushed = new ConcurrentQueue<JsonElement>();
        await using var hub = await ConnectAsync(app, pushed);
        var id = await GuardrailApp.StartRolloutAsync(app);
        var judgedFrom = await GuardrailJudgedWindowTests.SettledAtAsync(app, id) + TimeSpan.FromSeconds(5);
        await GuardrailApp.WaitForAsync(app, "judged data to begin", async () =>
        {
            var status = await app.GetAsync("/api/guardrails/status");
            return status.GetProperty("lastPollAt").GetDateTimeOffset() > judgedFrom.AddSeconds(1) ? status : null;
        });

        // 5 s points: the baseline for 5 min, the canary for its last 45 s, earning 4 % more per learner-second.
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var points = new List<InfluxPoint>();
        for (var k = 0; k < 60; k++)
        {
            points.AddRange(Points("baseline", now.AddSeconds(-5 * k), learners: 1000, revenuePerLearnerSecond: 0.0001));
            if (k < 9)
            {
                points.AddRange(Points("canary", now.AddSeconds(-5 * k), learners: 10, revenuePerLearnerSecond: 0.000104));
            }
        }

        await writer.Influx.WriteAsync(points);
        var guardrail = await GuardrailApp.WaitForAsync(app, "the guardrail's revenue impact", async () =>
        {
            var status = await app.GetAsync("/api/guardrails/status");
            var rule = status.GetProperty("rollouts").EnumerateArray().SelectMany(r => r.GetProperty("rules").EnumerateArray())
                .FirstOrDefault(r => r.GetProperty("ruleId").GetString() == "trigger:3");
            return status.GetProperty("lastPollAt").GetDateTimeOffset() > now && rule.ValueKind == JsonValueKind.Object
                && rule.GetProperty("values").GetProperty("revenueImpactPct").ValueKind == JsonValueKind.Number
                ? rule.GetProperty("values").GetProperty("revenueImpactPct")
                : null;
        });
        var live = await Eventually.UntilAsync(
            () => Task.FromResult(pushed.LastOrDefault(m => m.GetProperty("lastSuccessAt").ValueKind == JsonValueKind.String
                && m.GetProperty("lastSuccessAt").GetDateTimeOffset() > now && m.GetProperty("snapshot").GetProperty("revenueImpactPct").ValueKind == JsonValueKind.Number)),
            message => message.ValueKind == JsonValueKind.Object,
            TimeSpan.FromSeconds(30),
            "a live state with the canary's revenue");
        var dashboard = await app.GetAsync("/api/metrics/snapshot?window=5m");

        Assert.Equal(4.0, guardrail.GetDouble(), 6);
        Assert.Equal(4.0, live.GetProperty("snapshot").GetProperty("revenueImpactPct").GetDouble(), 6);
        Assert.Equal(4.0, dashboard.GetProperty("revenueImpactPct").GetDouble(), 6);
        // Per cohort: revenue per learner over the 5 min window at the rate measured.
        Assert.Equal(0.03, dashboard.GetProperty("cohorts").GetProperty("baseline").GetProperty("revenuePerLearner").GetDouble(), 9);
        Assert.Equal(0.0312, dashboard.GetProperty("cohorts").GetProperty("canary").GetProperty("revenuePerLearner").GetDouble(), 9);
    }

    /// <summary>Whole points of one cohort at <paramref name="at"/>: requests (every bucket), learners and revenue over 5 s.</summary>
    private static IEnumerable<InfluxPoint> Points(string cohort, DateTimeOffset at, long learners, double revenuePerLearnerSecond)
    {
        var requests = Tagged(new InfluxPoint("requests", at), cohort).Field("count", 100L).Field("errors", 0L);
        foreach (var bucket in LatencyHistogram.FieldNames)
        {
            requests.Field(bucket, 100L);
        }

        yield return requests;
        yield return Tagged(new InfluxPoint("learners", at), cohort).Field("active", learners);
        yield return Tagged(new InfluxPoint("business", at), cohort)
            .Field("revenue", learners * revenuePerLearnerSecond * 5).Field("sessions", 10L).Field("completions", 5L).Field("churned", 0L);
    }

    private static InfluxPoint Tagged(InfluxPoint point, string cohort) =>
        point.Tag("service", Service).Tag("cohort", cohort).Tag("segment", "A").Tag("region", "eu");

    private static async Task<HubConnection> ConnectAsync(RolloutApiApp app, ConcurrentQueue<JsonElement> messages)
    {
        var (created, key) = await app.PostAsync("/api/admin/api-keys", new { name = "hub", roles = ViewerRole, expiresAt = DateTimeOffset.UtcNow.AddDays(1) });
        Assert.True(created == System.Net.HttpStatusCode.Created, key.ToString());
        var token = key.GetProperty("token").GetString();
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Url, "/hubs/live"), options => options.AccessTokenProvider = () => Task.FromResult(token))
            .Build();
        hub.On<JsonElement>("state", messages.Enqueue);
        await hub.StartAsync();
        return hub;
    }
}
