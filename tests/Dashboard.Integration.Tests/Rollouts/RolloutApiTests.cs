using System.Net;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Rollouts;

/// <summary>
/// The rollout REST API through the real app, its real state store and the built-in router; on SQLite and on
/// PostgreSQL (a derived class each, at the end).
/// </summary>
public abstract class RolloutApiTests(InfluxServerFixture influx, PostgresServerFixture? postgres)
{
    [Fact]
    public async Task ChangeTraffic_InRunningRollout_IsAppliedAndShownAsAppliedWeight()
    {
        await using var app = await StartAppAsync();
        var id = await app.CreateRolloutAsync();

        var (startStatus, started) = await app.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });
        var (trafficStatus, changed) = await app.PostAsync($"/api/rollouts/{id}/traffic", new { percent = 10, reason = "more traffic" });
        var rollout = await app.GetAsync($"/api/rollouts/{id}");
        var history = await app.GetAsync($"/api/rollouts/{id}/traffic");

        Assert.Equal(HttpStatusCode.OK, startStatus);
        Assert.Equal(1, started.GetProperty("rollout").GetProperty("appliedWeightPercent").GetInt32());
        Assert.Equal(HttpStatusCode.OK, trafficStatus);
        var change = Assert.Single(changed.GetProperty("trafficChanges").EnumerateArray());
        Assert.Equal("Applied", change.GetProperty("status").GetString());
        Assert.Equal(10, change.GetProperty("readBackPercent").GetInt32());
        Assert.Equal("InProgress", rollout.GetProperty("status").GetString());
        Assert.Equal(10, rollout.GetProperty("requestedWeightPercent").GetInt32());
        Assert.Equal(10, rollout.GetProperty("appliedWeightPercent").GetInt32());
        Assert.Equal(3, rollout.GetProperty("phases").GetArrayLength());
        Assert.Contains("Hold", rollout.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(
            [(0, 1, "Applied", TestPeople.Admin), (1, 10, "Applied", TestPeople.Admin)],
            history.EnumerateArray().Select(c => (
                c.GetProperty("fromPercent").GetInt32(), c.GetProperty("toPercent").GetInt32(), c.GetProperty("status").GetString(), c.GetProperty("requestedBy").GetString())));
    }

    [Fact]
    public async Task Commands_ThatCannotRun_AnswerWithProblemDetailsAndChangeNothing()
    {
        await using var app = await StartAppAsync();
        var id = await app.CreateRolloutAsync();
        await app.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });

        var (resumeStatus, resume) = await app.PostAsync($"/api/rollouts/{id}/resume", new { reason = "why not" });
        var (noReasonStatus, noReason) = await app.PostAsync($"/api/rollouts/{id}/hold", new { });
        var (tooMuchStatus, tooMuch) = await app.PostAsync($"/api/rollouts/{id}/traffic", new { percent = 120, reason = "all in" });
        var (unknownStatus, _) = await app.PostAsync($"/api/rollouts/{Guid.NewGuid()}/hold", new { reason = "x" });
        var (badCreateStatus, badCreate) = await app.PostAsync("/api/rollouts", new { service = "analyzer", baselineVersion = "1", candidateVersion = "2", planId = "no-such-plan", reason = "r" });
        var after = await app.GetAsync($"/api/rollouts/{id}");

        Assert.Equal(HttpStatusCode.Conflict, resumeStatus);
        Assert.Equal("Running", resume.GetProperty("currentState").GetString());
        Assert.Equal("Resume", resume.GetProperty("attempted").GetString());
        Assert.Contains("Hold", resume.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.DoesNotContain("Resume", resume.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, noReasonStatus);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _), noReason.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, tooMuchStatus);
        Assert.True(tooMuch.GetProperty("errors").TryGetProperty("percent", out _), tooMuch.ToString());
        Assert.Equal(HttpStatusCode.NotFound, unknownStatus);
        Assert.Equal(HttpStatusCode.BadRequest, badCreateStatus);
        Assert.True(badCreate.GetProperty("errors").TryGetProperty("planId", out _), badCreate.ToString());
        Assert.Equal("Running", after.GetProperty("currentState").GetString());
        Assert.Equal(1, after.GetProperty("requestedWeightPercent").GetInt32());
        Assert.Equal(2, after.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task RollBack_TakesCanaryToZero_AndTheAuditExportIsInOrderAndIntact()
    {
        await using var app = await StartAppAsync();
        var id = await app.CreateRolloutAsync();
        await app.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });
        await app.PostAsync($"/api/rollouts/{id}/traffic", new { percent = 10, reason = "more" });

        var (status, rolledBack) = await app.PostAsync($"/api/rollouts/{id}/rollback", new { reason = "errors up" });
        var events = await app.GetAsync($"/api/rollouts/{id}/events");
        var verification = await app.GetAsync($"/api/rollouts/{id}/events/verify");

        Assert.Equal(HttpStatusCode.OK, status);
        var rollout = rolledBack.GetProperty("rollout");
        Assert.Equal("RolledBack", rollout.GetProperty("status").GetString());
        Assert.Equal(0, rollout.GetProperty("appliedWeightPercent").GetInt32());
        Assert.Empty(rollout.GetProperty("allowedActions").EnumerateArray());
        // The phase's health-check cadence and the guardrails' watch (a blind period: this test writes no metrics) record
        // events of their own on their own clock, in between on a slow machine: they are not part of this sequence.
        var kinds = events.EnumerateArray().Select(e => e.GetProperty("kind").GetString())
            .Where(kind => !kind!.StartsWith("healthCheck.", StringComparison.Ordinal) && !kind.StartsWith("guardrail.", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "rollout.created", "rollout.started", "traffic.changeRequested", "traffic.changeApplied", "traffic.changeRequested", "traffic.changeApplied",
                "rollout.rolledBack", "traffic.changeRequested", "traffic.changeApplied",
            ],
            kinds);
        var sequences = events.EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(TestPeople.Admin, events.EnumerateArray().Last(e => e.GetProperty("kind").GetString() == "traffic.changeApplied").GetProperty("actor").GetString());
        Assert.True(verification.GetProperty("isIntact").GetBoolean(), verification.ToString());
        // The app may record an event of its own (a health check) between the reads: the head verified is the last event
        // read before it or one recorded after it, never an older one.
        var lastRead = events.EnumerateArray().Last().GetProperty("sequence").GetInt64();
        var headCandidates = (await app.GetAsync($"/api/rollouts/{id}/events")).EnumerateArray()
            .Where(e => e.GetProperty("sequence").GetInt64() >= lastRead)
            .Select(e => e.GetProperty("hash").GetString());
        Assert.Contains(verification.GetProperty("headHash").GetString(), headCandidates);
    }

    [Fact]
    public async Task Rollout_AfterAppRestartOnTheSameStore_KeepsItsStateAndCarriesOn()
    {
        var folder = Directory.CreateTempSubdirectory("warroom-restart-").FullName;
        var database = Path.Combine(folder, "state.db");
        var postgresSettings = await PostgresSettingsAsync();
        try
        {
            Guid id;
            await using (var first = await RolloutApiApp.StartAsync(influx.Url, postgresSettings is null ? database : null, postgresSettings))
            {
                id = await first.CreateRolloutAsync();
                await first.PostAsync($"/api/rollouts/{id}/start", new { reason = "go" });
                await first.PostAsync($"/api/rollouts/{id}/hold", new { reason = "lunch" });
            }

            await using var second = await RolloutApiApp.StartAsync(influx.Url, postgresSettings is null ? database : null, postgresSettings);
            var restored = await second.GetAsync($"/api/rollouts/{id}");
            var (resumeStatus, resumed) = await second.PostAsync($"/api/rollouts/{id}/resume", new { reason = "back" });
            var listed = await second.GetAsync("/api/rollouts");

            Assert.Equal("Held", restored.GetProperty("status").GetString());
            Assert.Equal(1, restored.GetProperty("appliedWeightPercent").GetInt32());
            Assert.Equal(["Resume", "RollBack", "Abort", "RetryPhase"], restored.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
            Assert.Equal(HttpStatusCode.OK, resumeStatus);
            Assert.Equal("InProgress", resumed.GetProperty("rollout").GetProperty("status").GetString());
            Assert.Equal(id, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetGuid());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The app on a state store of its own: its temporary SQLite file, or a new empty PostgreSQL database.</summary>
    private async Task<RolloutApiApp> StartAppAsync() => await RolloutApiApp.StartAsync(influx.Url, extra: await PostgresSettingsAsync());

    /// <summary>Null on SQLite; otherwise the settings of a new empty database, which the app migrates as it starts.</summary>
    private async Task<IReadOnlyDictionary<string, string>?> PostgresSettingsAsync() =>
        postgres is null
            ? null
            : new Dictionary<string, string>
            {
                ["StateStore__Provider"] = "PostgreSql",
                ["StateStore__ConnectionString"] = await postgres.Server.CreateDatabaseAsync(),
            };
}

[Collection(InfluxCollection.Name)]
public sealed class RolloutApiOnSqliteTests(InfluxServerFixture influx) : RolloutApiTests(influx, null);

[Collection(InfluxAndPostgresCollection.Name)]
public sealed class RolloutApiOnPostgreSqlTests(InfluxServerFixture influx, PostgresServerFixture postgres) : RolloutApiTests(influx, postgres);
