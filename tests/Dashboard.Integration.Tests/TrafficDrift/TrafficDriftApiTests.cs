using System.Net;
using System.Text.Json;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.TrafficDrift;

/// <summary>Drift at start-up and the audited reconcile, through the real app and a real HAProxy.</summary>
[Collection(InfluxCollection.Name)]
public sealed class TrafficDriftApiTests(InfluxServerFixture influx)
{
    private const string DriftPath = "/api/routing/drift";

    [Fact]
    public async Task StartUp_AfterHaproxyWasChangedByHand_ReportsDriftAndOverwritesNeitherSide()
    {
        await using var setup = await DriftedSetup.StartAsync(influx.Url);
        await using var app = await setup.RestartAppAsync();

        var report = await FirstReportAsync(app);
        var rollout = await app.GetAsync($"/api/rollouts/{setup.RolloutId}");
        var history = await app.GetAsync($"/api/rollouts/{setup.RolloutId}/traffic");

        Assert.Equal("Drifted", report.GetProperty("kind").GetString());
        Assert.Equal(35, report.GetProperty("observed").GetProperty("canaryWeight").GetInt32());
        Assert.Equal(65, report.GetProperty("observed").GetProperty("baselineWeight").GetInt32());
        Assert.Equal(35.0, report.GetProperty("observed").GetProperty("canaryPercent").GetDouble());
        Assert.Equal(10, report.GetProperty("recordedPercent").GetInt32());
        Assert.Equal(setup.RolloutId, report.GetProperty("rollout").GetProperty("id").GetGuid());
        Assert.True(report.GetProperty("canReconcile").GetBoolean());
        Assert.StartsWith("35 ", await setup.Haproxy.SendCommandAsync(Weight(HaproxyServer.CanaryServer)), StringComparison.Ordinal);
        Assert.StartsWith("65 ", await setup.Haproxy.SendCommandAsync(Weight(HaproxyServer.BaselineServer)), StringComparison.Ordinal);
        Assert.Equal(10, rollout.GetProperty("requestedWeightPercent").GetInt32());
        Assert.Equal(2, history.GetArrayLength());
    }

    [Fact]
    public async Task Reconcile_AfterDrift_PutsHaproxyBackOnTheRecordedWeightAndAuditsIt()
    {
        await using var setup = await DriftedSetup.StartAsync(influx.Url);
        await using var app = await setup.RestartAppAsync();
        await FirstReportAsync(app);

        var (noReasonStatus, noReason) = await app.PostAsync($"{DriftPath}/reconcile", new { });
        var (status, reconciled) = await app.PostAsync($"{DriftPath}/reconcile", new { reason = "weights were edited by hand" });
        var report = await app.GetAsync(DriftPath);
        var (againStatus, again) = await app.PostAsync($"{DriftPath}/reconcile", new { reason = "once more" });
        var events = await app.GetAsync($"/api/rollouts/{setup.RolloutId}/events");
        var verification = await app.GetAsync($"/api/rollouts/{setup.RolloutId}/events/verify");
        var canaryWeight = await setup.Haproxy.SendCommandAsync(Weight(HaproxyServer.CanaryServer));
        var baselineWeight = await setup.Haproxy.SendCommandAsync(Weight(HaproxyServer.BaselineServer));

        Assert.Equal(HttpStatusCode.BadRequest, noReasonStatus);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _), noReason.ToString());
        Assert.Equal(HttpStatusCode.OK, status);
        var change = Assert.Single(reconciled.GetProperty("trafficChanges").EnumerateArray());
        Assert.Equal(("Applied", "Reconcile", 35, 10, TestPeople.Admin), (
            change.GetProperty("status").GetString(), change.GetProperty("source").GetString(), change.GetProperty("fromPercent").GetInt32(),
            change.GetProperty("toPercent").GetInt32(), change.GetProperty("requestedBy").GetString()));
        Assert.Equal("InProgress", reconciled.GetProperty("rollout").GetProperty("status").GetString());
        Assert.StartsWith("10 ", canaryWeight, StringComparison.Ordinal);
        Assert.StartsWith("90 ", baselineWeight, StringComparison.Ordinal);
        Assert.Equal("InSync", report.GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.Conflict, againStatus);
        Assert.Contains("othing to reconcile", again.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // The drift's own start and end are on the record too (Drift_SeenAcrossARestartThenReconciled_…); here, the reconcile.
        // Only traffic events: a health check recorded meanwhile (its cadence runs on its own) is no part of it.
        var tail = events.EnumerateArray().Select(e => e.GetProperty("kind").GetString()!).Where(k => k.StartsWith("traffic.", StringComparison.Ordinal) && !k.StartsWith("traffic.drift", StringComparison.Ordinal)).TakeLast(3);
        Assert.Equal(["traffic.reconciled", "traffic.changeRequested", "traffic.changeApplied"], tail);
        var audited = events.EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "traffic.reconciled");
        Assert.Equal((TestPeople.Admin, 35, 10), (
            audited.GetProperty("actor").GetString(), audited.GetProperty("payload").GetProperty("observedCanaryWeight").GetInt32(),
            audited.GetProperty("payload").GetProperty("recordedPercent").GetInt32()));
        Assert.True(verification.GetProperty("isIntact").GetBoolean(), verification.ToString());
    }

    [Fact]
    public async Task Drift_SeenAcrossARestartThenReconciled_IsOnTheTimelineOnceStartedAndOnceEnded()
    {
        await using var setup = await DriftedSetup.StartAsync(influx.Url);
        var from = DateTimeOffset.UtcNow.AddHours(-1);
        await using (var first = await setup.RestartAppAsync())
        {
            Assert.Equal("Drifted", (await FirstReportAsync(first)).GetProperty("kind").GetString());
        }

        await using var app = await setup.RestartAppAsync();
        Assert.Equal("Drifted", (await FirstReportAsync(app)).GetProperty("kind").GetString());
        var (status, _) = await app.PostAsync($"{DriftPath}/reconcile", new { reason = "weights were edited by hand" });
        var events = await app.GetAsync($"/api/rollouts/{setup.RolloutId}/events");
        var timeline = await app.GetAsync($"/api/timeline?from={Iso(from)}&to={Iso(DateTimeOffset.UtcNow.AddMinutes(1))}&kind=RouterAlert");

        Assert.Equal(HttpStatusCode.OK, status);
        var drift = events.EnumerateArray().Where(e => e.GetProperty("kind").GetString()!.StartsWith("traffic.drift", StringComparison.Ordinal)).ToList();
        Assert.Equal(["traffic.driftStarted", "traffic.driftEnded"], drift.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal((35.0, 10), (drift[0].GetProperty("payload").GetProperty("observedCanaryPercent").GetDouble(), drift[0].GetProperty("payload").GetProperty("recordedPercent").GetInt32()));
        Assert.Equal(("Reconciled", TestPeople.Admin), (drift[1].GetProperty("payload").GetProperty("how").GetString(), drift[1].GetProperty("payload").GetProperty("reconciledBy").GetString()));
        var texts = timeline.EnumerateArray().Select(e => e.GetProperty("text").GetString()!).ToList();
        Assert.Equal(3, texts.Count);
        Assert.StartsWith($"Drift over after ", texts[0], StringComparison.Ordinal);
        Assert.EndsWith($"{TestPeople.Admin} reconciled; the router runs the recorded 10 %", texts[0], StringComparison.Ordinal);
        Assert.StartsWith("The router's split differed from the recorded 10 %", texts[1], StringComparison.Ordinal);
        Assert.StartsWith("Drift: the router ran 35 % canary, not the recorded 10 %", texts[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RouterDown_ReportsRouterUnreadable_AndReconcileIs502WithTheChangeRecordedAsFailed()
    {
        // Nothing listens on this port: every runtime-API command is refused.
        await using var app = await RolloutApiApp.StartAsync(influx.Url, extra: HaproxyRouter($"tcp:127.0.0.1:{FreePort.Next()}"));
        var id = await app.CreateRolloutAsync();
        await app.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });

        var (checkStatus, report) = await app.PostAsync($"{DriftPath}/check", new { });
        var (status, problem) = await app.PostAsync($"{DriftPath}/reconcile", new { reason = "router restarted" });
        var history = await app.GetAsync($"/api/rollouts/{id}/traffic");

        Assert.Equal(HttpStatusCode.OK, checkStatus);
        Assert.Equal("RouterUnreadable", report.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("observed").ValueKind);
        Assert.Equal(1, report.GetProperty("recordedPercent").GetInt32());
        Assert.Equal(id, report.GetProperty("rollout").GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.BadGateway, status);
        var change = Assert.Single(problem.GetProperty("trafficChanges").EnumerateArray());
        Assert.Equal(("Failed", "Reconcile", 1), (change.GetProperty("status").GetString(), change.GetProperty("source").GetString(), change.GetProperty("toPercent").GetInt32()));
        Assert.False(string.IsNullOrEmpty(change.GetProperty("failureMessage").GetString()));
        Assert.Equal(["Failed", "Failed"], history.EnumerateArray().Select(c => c.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task StartUp_BuiltInRouterUnderARolloutAtTenPercent_ComesBackAtTenPercentInSync()
    {
        var folder = Directory.CreateTempSubdirectory("warroom-builtin-").FullName;
        try
        {
            var database = Path.Combine(folder, "state.db");
            Guid id;
            await using (var first = await RolloutApiApp.StartAsync(influx.Url, database))
            {
                id = await first.CreateRolloutAsync();
                await first.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });
                var (status, _) = await first.PostAsync($"/api/rollouts/{id}/traffic", new { percent = 10, reason = "ramp" });
                Assert.Equal(HttpStatusCode.OK, status);
            }

            // The built-in router keeps its split in memory: the new process starts it from the record, not from Demo:CanaryWeightPercent (1 %).
            await using var app = await RolloutApiApp.StartAsync(influx.Url, database);
            var report = await FirstReportAsync(app);

            Assert.Equal("InSync", report.GetProperty("kind").GetString());
            Assert.Equal(10.0, report.GetProperty("observed").GetProperty("canaryPercent").GetDouble());
            Assert.Equal(10, report.GetProperty("recordedPercent").GetInt32());
            Assert.Equal(id, report.GetProperty("rollout").GetProperty("id").GetGuid());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Reconcile_WithNothingRecordedOrInSync_Is409AndChangesNothing()
    {
        await using var app = await RolloutApiApp.StartAsync(influx.Url);

        var (emptyStatus, empty) = await app.PostAsync($"{DriftPath}/reconcile", new { reason = "just in case" });
        var emptyReport = await app.PostAsync($"{DriftPath}/check", new { });
        var id = await app.CreateRolloutAsync();
        await app.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });
        var (syncStatus, _) = await app.PostAsync($"{DriftPath}/reconcile", new { reason = "just in case" });
        var rollout = await app.GetAsync($"/api/rollouts/{id}");

        Assert.Equal(HttpStatusCode.Conflict, emptyStatus);
        Assert.Contains("no rollout has started", empty.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("NothingRecorded", emptyReport.Body.GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.Conflict, syncStatus);
        Assert.Equal(2, rollout.GetProperty("version").GetInt32());
    }

    /// <summary>The start-up check runs in the background: waits until it has reported (well before the first periodic check, a minute later).</summary>
    private static async Task<JsonElement> FirstReportAsync(RolloutApiApp app)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var report = await app.GetAsync(DriftPath);
            if (report.GetProperty("kind").GetString() != "NotChecked")
            {
                return report;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
        }
    }

    private static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));

    private static string Weight(string server) => $"get weight {HaproxyServer.Backend}/{server}";

    private static Dictionary<string, string> HaproxyRouter(string runtimeApi) => new()
    {
        ["Routing__Kind"] = "Haproxy",
        ["Routing__Haproxy__RuntimeApi"] = runtimeApi,
        ["Routing__Haproxy__Timeout"] = "00:00:15",
    };

    /// <summary>
    /// A real HAProxy; the app ran a rollout at 10 % on it and was stopped; then an operator set the
    /// weights to 35/65 by hand. <see cref="RestartAppAsync"/> starts the app again on the same state.
    /// </summary>
    private sealed class DriftedSetup : IAsyncDisposable
    {
        private readonly TinyHttpBackend baseline;
        private readonly TinyHttpBackend canary;
        private readonly string folder;
        private readonly Uri influxUrl;

        private DriftedSetup(TinyHttpBackend baseline, TinyHttpBackend canary, HaproxyServer haproxy, string folder, Uri influxUrl)
        {
            this.baseline = baseline;
            this.canary = canary;
            Haproxy = haproxy;
            this.folder = folder;
            this.influxUrl = influxUrl;
        }

        public HaproxyServer Haproxy { get; }

        public Guid RolloutId { get; private set; }

        private string Database => Path.Combine(folder, "state.db");

        public static async Task<DriftedSetup> StartAsync(Uri influxUrl)
        {
            var baseline = TinyHttpBackend.Start(HaproxyServer.BaselineServer);
            var canary = TinyHttpBackend.Start(HaproxyServer.CanaryServer);
            var haproxy = await HaproxyServer.StartAsync(baseline.Port, canary.Port);
            var setup = new DriftedSetup(baseline, canary, haproxy, Directory.CreateTempSubdirectory("warroom-drift-").FullName, influxUrl);
            await using (var app = await setup.RestartAppAsync())
            {
                setup.RolloutId = await app.CreateRolloutAsync();
                await app.PostAsync($"/api/rollouts/{setup.RolloutId}/start", new { reason = "go" });
                var (status, _) = await app.PostAsync($"/api/rollouts/{setup.RolloutId}/traffic", new { percent = 10, reason = "ramp" });
                Assert.Equal(HttpStatusCode.OK, status);
            }

            Assert.Equal("\n", await haproxy.SendCommandAsync($"set server {HaproxyServer.Backend}/{HaproxyServer.CanaryServer} weight 35"));
            Assert.Equal("\n", await haproxy.SendCommandAsync($"set server {HaproxyServer.Backend}/{HaproxyServer.BaselineServer} weight 65"));
            return setup;
        }

        public Task<RolloutApiApp> RestartAppAsync() => RolloutApiApp.StartAsync(influxUrl, Database, HaproxyRouter(Haproxy.TcpRuntimeApi));

        public async ValueTask DisposeAsync()
        {
            await Haproxy.DisposeAsync();
            await baseline.DisposeAsync();
            await canary.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }
}
