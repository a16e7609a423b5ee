using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Infrastructure.Persistence.PostgreSql;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Npgsql;
using Xunit.Abstractions;

namespace Dashboard.Integration.Tests.HighAvailability;

/// <summary>
/// PostgreSQL briefly unavailable under two real instances (one Redis, one InfluxDB, HAProxy as the router): both say so
/// on <c>/readyz</c>, a person's change is refused with a 503 and leaves nothing behind (no router change, no audit event),
/// no instance acts for the others while it is down, and once it is back both are ready again, one holds the automation
/// lease, the guardrails run again, Quartz fires the health checks again (also when one was running as PostgreSQL
/// stopped) and a change through A works and reaches B — all without a restart. PostgreSQL here is the test's own, since
/// it is stopped (docs/high-availability.md, "What happens when …"). And two instances started at once on an empty
/// database both come up, with one schema.
/// </summary>
[Collection(InfluxPostgresRedisCollection.Name)]
public sealed class PostgresOutageTests(InfluxServerFixture influx, PostgresServerFixture shared, RedisServerFixture redis, ITestOutputHelper output)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    /// <summary>How long a refused change may take: a refusal, not a hang (the readiness checks' own timeout is 3 s).</summary>
    private static readonly TimeSpan RefusedWithin = TimeSpan.FromSeconds(10);

    /// <summary>
    /// When a holder cut off from PostgreSQL has stopped acting: <c>Leadership:KeepaliveCadence</c> (0.5 s here, as a 1 s
    /// guardrail poll requires) finds the lock's connection gone or the check failing within two cadences, and one live
    /// poll (1 s here) may be under way; the bound leaves room for a loaded machine.
    /// </summary>
    private static readonly TimeSpan StopsActingWithin = TimeSpan.FromSeconds(6);

    private static readonly TimeSpan LivePollInterval = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task PostgresDown_BothInstancesSaySoAndRefuseChangesWholly_AndOnceItIsBackTheyRecoverByThemselves()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var baseline = TinyHttpBackend.Start(HaproxyServer.BaselineServer);
        await using var canary = TinyHttpBackend.Start(HaproxyServer.CanaryServer);
        await using var haproxy = await HaproxyServer.StartAsync(baseline.Port, canary.Port);
        await using var pair = await HighAvailabilityPair.StartAsync(influx.Server, postgres, bus: redis.Server, settings: new Dictionary<string, string>
        {
            ["Routing__Kind"] = "Haproxy",
            ["Routing__Haproxy__RuntimeApi"] = haproxy.UnixRuntimeApi,
            ["Routing__Haproxy__Timeout"] = "00:00:02",
            ["Guardrails__PollInterval"] = "00:00:01",
            ["Leadership__KeepaliveCadence"] = "00:00:00.5",
            ["LiveMetrics__PollInterval"] = LivePollInterval.ToString("c", CultureInfo.InvariantCulture),
            // A Quartz job every 2 s that does not run beside itself, every tick recorded: one is often running when
            // PostgreSQL stops, and its trigger must fire again once it is back.
            ["Monitoring__IntensiveInterval"] = "00:00:02",
            ["Monitoring__IntensivePassEvery"] = "00:00:00",
        });
        // A third bus member that never acts: it sees the holder's live polls, so it sees when nobody acts.
        await using var watcher = await BusNode.StartAsync(redis.Server.Configuration, influx.Url, "watcher", holdsLease: false, poll: true);
        using var anonymousA = Anonymous(pair.A);
        using var anonymousB = Anonymous(pair.B);
        var id = await pair.A.CreateRolloutAsync();
        Assert.Equal(HttpStatusCode.OK, (await pair.A.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" })).Status);
        Assert.StartsWith("1 ", await CanaryWeightAsync(haproxy), StringComparison.Ordinal);
        await pair.WaitForLeaseHolderAsync(Within);
        var eventsBefore = await EventsAsync(pair.A, id);

        var stoppedAt = DateTimeOffset.UtcNow;
        DateTimeOffset? lastPoll;
        TimeSpan stoppedActingAfter, unhealthyAfter, trafficChange, rollback, incident;
        DateTimeOffset restartedAt;
        await postgres.StopAsync();
        try
        {
            // Nobody acts for the cluster: the holder's live polls (one a second) stop once its hold ends, and none resumes.
            lastPoll = await Eventually.UntilAsync(
                () => Task.FromResult(watcher.Poller.Current.LastAttemptAt),
                at => at is { } last && DateTimeOffset.UtcNow - last > 3 * LivePollInterval,
                Within,
                "the live polls to stop",
                at => $"last poll {at:O}");
            stoppedActingAfter = lastPoll!.Value - stoppedAt;
            await WaitForReadyzAsync(anonymousA, HttpStatusCode.ServiceUnavailable, "stateStore", "Unhealthy");
            await WaitForReadyzAsync(anonymousB, HttpStatusCode.ServiceUnavailable, "stateStore", "Unhealthy");
            unhealthyAfter = DateTimeOffset.UtcNow - stoppedAt;
            trafficChange = await RefusedAsync(pair.A, $"/api/rollouts/{id}/traffic", new { percent = 10, reason = "during the outage" });
            rollback = await RefusedAsync(pair.B, $"/api/rollouts/{id}/rollback", new { reason = "during the outage" });
            incident = await RefusedAsync(pair.A, $"/api/rollouts/{id}/incidents", new { title = "during the outage", severity = "Critical" });
            Assert.StartsWith("1 ", await CanaryWeightAsync(haproxy), StringComparison.Ordinal);
            Assert.True(stoppedActingAfter < StopsActingWithin, $"the last live poll was {stoppedActingAfter} after PostgreSQL stopped");
            Assert.Equal(lastPoll, watcher.Poller.Current.LastAttemptAt);
        }
        finally
        {
            // Back whatever happened above, so that the pair's clean-up (it drops its database) cannot hide a failure.
            restartedAt = DateTimeOffset.UtcNow;
            await postgres.RestartAsync();
        }

        await WaitForReadyzAsync(anonymousA, HttpStatusCode.OK, "stateStore", "Healthy");
        await WaitForReadyzAsync(anonymousB, HttpStatusCode.OK, "stateStore", "Healthy");
        var healthyAfter = DateTimeOffset.UtcNow - restartedAt;
        var (holder, _) = await pair.WaitForLeaseHolderAsync(Within);
        var leaseAfter = DateTimeOffset.UtcNow - restartedAt;
        await Eventually.UntilAsync(
            () => watcher.Poller.Current.LastAttemptAt > restartedAt, Within, "the holder's live polls to reach the bus again", () => $"{watcher.Poller.Current.LastAttemptAt:O}");
        var guardrails = await holder.WaitForAsync(
            () => holder.GetAsync("/api/guardrails/status"),
            status => status.GetProperty("lastPollAt") is { ValueKind: JsonValueKind.String } at && at.GetDateTimeOffset() > restartedAt,
            "the holder's guardrails to poll again",
            Within);

        var firstCheckAgain = await pair.A.WaitForAsync(
            () => pair.A.GetAsync($"/api/rollouts/{id}/health-checks?cadence=Intensive&limit=1000"),
            list => list.EnumerateArray().Any(c => c.GetProperty("dueAt").GetDateTimeOffset() > restartedAt),
            "an intensive health check due after PostgreSQL came back",
            Within);
        var checkAgainAfter = firstCheckAgain.EnumerateArray().Select(c => c.GetProperty("dueAt").GetDateTimeOffset()).Where(due => due > restartedAt).Min() - restartedAt;

        var eventsAfter = await EventsAsync(pair.A, id);
        var changes = await pair.A.GetAsync($"/api/rollouts/{id}/traffic");

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"PostgreSQL stopped → last live poll +{stoppedActingAfter.TotalSeconds:0.0} s; both /readyz 503 after {unhealthyAfter.TotalSeconds:0.0} s; refused in {trafficChange.TotalSeconds:0.00} / {rollback.TotalSeconds:0.00} / {incident.TotalSeconds:0.00} s"));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"PostgreSQL back → both /readyz 200 after {healthyAfter.TotalSeconds:0.0} s; one lease holder after {leaseAfter.TotalSeconds:0.0} s; guardrails polled at +{(guardrails.GetProperty("lastPollAt").GetDateTimeOffset() - restartedAt).TotalSeconds:0.0} s; first health check due at +{checkAgainAfter.TotalSeconds:0.0} s"));
        // Nothing of the refused commands: no traffic change, no rollback, no incident, before or after the outage.
        Assert.DoesNotContain(changes.EnumerateArray(), c => c.GetProperty("toPercent").GetInt32() is 10 or 0);
        Assert.Equal(
            eventsBefore.Where(IsRolloutOrTraffic).Select(e => e.GetProperty("sequence").GetInt64()),
            eventsAfter.Where(IsRolloutOrTraffic).Select(e => e.GetProperty("sequence").GetInt64()));
        Assert.Equal(0, (await pair.A.GetAsync($"/api/rollouts/{id}/incidents")).GetArrayLength());
        Assert.Equal("Running", (await pair.B.GetAsync($"/api/rollouts/{id}")).GetProperty("currentState").GetString());

        var (status, body) = await pair.A.PostAsync($"/api/rollouts/{id}/traffic", new { percent = 5, reason = "after the outage" });

        Assert.True(status == HttpStatusCode.OK, $"{status}: {body}");
        Assert.StartsWith("5 ", await CanaryWeightAsync(haproxy), StringComparison.Ordinal);
        await pair.B.WaitForRolloutAsync(id, r => r.GetProperty("appliedWeightPercent").GetInt32() == 5, "B to read 5 % applied", Within);
    }

    /// <summary>
    /// A Quartz job caught mid-run by the outage (its save waits for the write lock the test holds, so its fired row is
    /// <c>EXECUTING</c> when PostgreSQL stops) fails, Quartz settles the firing once PostgreSQL is back, and the cadence
    /// fires again. This failed every time while the test server ran with <c>synchronous_commit=off</c>: its immediate
    /// stop lost Quartz's last acknowledged commits, and the node's memory no longer matched its rows.
    /// </summary>
    [Fact]
    public async Task PostgresStopsWhileAHealthCheckIsSaving_TheCadenceFiresAgainOnceItIsBack()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var pair = await HighAvailabilityPair.StartAsync(influx.Server, postgres, bus: redis.Server, settings: new Dictionary<string, string>
        {
            ["Monitoring__IntensiveInterval"] = "00:00:02",
            ["Monitoring__IntensivePassEvery"] = "00:00:00",
        });
        var id = await pair.A.CreateRolloutAsync();
        Assert.Equal(HttpStatusCode.OK, (await pair.A.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" })).Status);
        await pair.A.WaitForAsync(
            () => pair.A.GetAsync($"/api/rollouts/{id}/health-checks?cadence=Intensive&limit=1000"),
            list => list.GetArrayLength() >= 1,
            "a first intensive health check",
            Within);

        // Every save waits for the state store's write lock: hold it, so the next health check is caught mid-run.
        await using var writeLock = new NpgsqlConnection(pair.StateStore + ";Pooling=false");
        await writeLock.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({PostgreSqlWriteLock.Key})", writeLock))
        {
            await take.ExecuteScalarAsync();
        }

        var running = await Eventually.UntilAsync(
            () => PostgreSqlSchema.ColumnAsync(pair.StateStore, "SELECT instance_name || ' ' || trigger_name || ' ' || state FROM qrtz_fired_triggers WHERE trigger_name = 'health-check-Intensive' AND state = 'EXECUTING'"),
            rows => rows.Count > 0,
            Within,
            "an intensive health check to be running",
            rows => string.Join("; ", rows));
        output.WriteLine($"running when PostgreSQL stops: {string.Join("; ", running)}");
        await postgres.StopAsync();
        await writeLock.CloseAsync();
        var restartedAt = DateTimeOffset.UtcNow;
        await postgres.RestartAsync();

        try
        {
            await pair.A.WaitForAsync(
                () => pair.A.GetAsync($"/api/rollouts/{id}/health-checks?cadence=Intensive&limit=1000"),
                list => list.EnumerateArray().Any(c => c.GetProperty("dueAt").GetDateTimeOffset() > restartedAt),
                "an intensive health check due after PostgreSQL came back",
                Within);
        }
        finally
        {
            var triggers = await PostgreSqlSchema.ColumnAsync(pair.StateStore, "SELECT trigger_name || ' ' || trigger_state FROM qrtz_triggers");
            var fired = await PostgreSqlSchema.ColumnAsync(pair.StateStore, "SELECT instance_name || ' ' || trigger_name || ' ' || state FROM qrtz_fired_triggers");
            output.WriteLine($"triggers: {string.Join("; ", triggers)}\nfired: {string.Join("; ", fired)}");
        }
    }

    [Fact]
    public async Task TwoInstancesStartedAtOnceOnAnEmptyDatabase_BothBecomeReady_WithOneSchema()
    {
        // The shared server: nothing stops it, and the database is a new, empty one.
        await using var cluster = await QuartzCluster.StartAsync(influx, shared, new Dictionary<string, string>());

        foreach (var app in new[] { cluster.A, cluster.B })
        {
            using var anonymous = Anonymous(app);
            await WaitForReadyzAsync(anonymous, HttpStatusCode.OK, "stateStore", "Healthy");
        }

        var migrations = PostgreSqlSchema.Migrations();
        var applied = await PostgreSqlSchema.ColumnAsync(cluster.StateStore, """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" """);
        var quartzTables = await PostgreSqlSchema.ColumnAsync(
            cluster.StateStore,
            "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_name ILIKE 'qrtz%' ORDER BY 1");
        var admins = await PostgreSqlSchema.ColumnAsync(cluster.StateStore, $"""SELECT "UserName" FROM "People" WHERE "UserName" = '{TestPeople.Admin}'""");
        var nodeIds = new[] { await QuartzCluster.NodeIdAsync(cluster.A), await QuartzCluster.NodeIdAsync(cluster.B) }.Order(StringComparer.Ordinal).ToList();
        // A node's row appears at its scheduler's first check-in, which /readyz does not wait for.
        var nodes = await Eventually.UntilAsync(
            () => PostgreSqlSchema.ColumnAsync(cluster.StateStore, "SELECT instance_name FROM qrtz_scheduler_state ORDER BY 1"),
            checkedIn => checkedIn.Count >= nodeIds.Count,
            Within,
            "both Quartz nodes to check in",
            checkedIn => string.Join(", ", checkedIn));
        output.WriteLine($"Quartz tables: {string.Join(", ", quartzTables)}");

        // Each migration once, in order; Quartz's tables once each, in one schema; both instances one Quartz node each.
        Assert.Equal(migrations, applied);
        Assert.All(quartzTables, table => Assert.StartsWith("public.qrtz_", table, StringComparison.Ordinal));
        Assert.Equal(quartzTables.Count, quartzTables.Select(t => t.ToUpperInvariant()).Distinct().Count());
        Assert.All(PostgreSqlSchema.QuartzCoreTables, table => Assert.Contains("public." + table, quartzTables));
        Assert.Equal(nodeIds, nodes);
        Assert.Single(admins);
    }

    private static HttpClient Anonymous(RolloutApiApp app) => new() { BaseAddress = app.Url, Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>POSTs as the signed-in admin and asserts a 503 that says the state store cannot be reached; returns how long it took.</summary>
    private static async Task<TimeSpan> RefusedAsync(RolloutApiApp app, string path, object body)
    {
        var watch = Stopwatch.StartNew();
        using var response = await app.Http.PostAsJsonAsync(path, body);
        watch.Stop();
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"POST {path}: {response.StatusCode} {text}");
        Assert.Contains("state store cannot be reached", text, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", text, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < RefusedWithin, $"POST {path} took {watch.Elapsed}");
        return watch.Elapsed;
    }

    /// <summary>Waits until <c>/readyz</c>, asked without signing in (statuses only), answers <paramref name="code"/> with the check's status.</summary>
    private static async Task WaitForReadyzAsync(HttpClient anonymous, HttpStatusCode code, string check, string checkStatus) =>
        await Eventually.UntilAsync(
            async () =>
            {
                using var response = await anonymous.GetAsync(new Uri("/readyz", UriKind.Relative));
                var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                return (response.StatusCode, Status: body.GetProperty("checks").TryGetProperty(check, out var entry) ? entry.GetProperty("status").GetString() : null, Body: body);
            },
            ready => ready.StatusCode == code && ready.Status == checkStatus,
            Within,
            $"{anonymous.BaseAddress}readyz to answer {(int)code} with {check} {checkStatus}",
            last => $"{last.StatusCode} {last.Body}");

    private static async Task<List<JsonElement>> EventsAsync(RolloutApiApp app, Guid id) =>
        [.. (await app.GetAsync($"/api/rollouts/{id}/events?limit=1000")).EnumerateArray()];

    private static bool IsRolloutOrTraffic(JsonElement auditEvent) =>
        auditEvent.GetProperty("kind").GetString() is { } kind
        && (kind.StartsWith("rollout.", StringComparison.Ordinal) || kind.StartsWith("traffic.", StringComparison.Ordinal) || kind.StartsWith("phase.", StringComparison.Ordinal));

    private static async Task<string> CanaryWeightAsync(HaproxyServer haproxy) =>
        await haproxy.SendCommandAsync($"get weight {HaproxyServer.Backend}/{HaproxyServer.CanaryServer}");
}
