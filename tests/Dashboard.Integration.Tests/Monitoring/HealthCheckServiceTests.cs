using Dashboard.Core.Evaluation;
using Dashboard.Core.Monitoring;
using Dashboard.Infrastructure.Persistence.Audit;
using Dashboard.Infrastructure.Persistence;
using Dashboard.TestSupport;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Monitoring;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Integration.Tests.Monitoring;

/// <summary>What <see cref="HealthCheckService"/> keeps and audits, on a real SQLite state store.</summary>
public sealed class HealthCheckServiceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(StoredRollouts.T0.AddHours(1));
    private TestStateStore _store = null!;
    private HealthCheckService _service = null!;
    private Guid _rolloutId;
    private int _published;

    public async Task InitializeAsync()
    {
        _store = await TestStateStore.CreateAsync(_clock);
        _rolloutId = (await StoredRollouts.StartedAsync(_store)).Rollout.Id;
        var feed = new HealthCheckFeed(NullLogger<HealthCheckFeed>.Instance);
        feed.Saved += _ => _published++;
        _service = new HealthCheckService(
            _store.Get<HealthCheckStore>(), new AccessAuthorization(_store.Get<AuditLog>(), NullLogger<AccessAuthorization>.Instance), feed,
            Options.Create(new MonitoringOptions { RetainIntensiveFor = TimeSpan.FromDays(1) }), _clock, NullLogger<HealthCheckService>.Instance);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task RecordAsync_IntensivePassesWithinAMinute_KeepsOnePerMinute()
    {
        var kept = new List<bool>();
        for (var i = 0; i < 14; i++)
        {
            kept.Add(await _service.RecordAsync(Check(MonitoringCadence.Intensive, Verdict.Pass)));
            _clock.Advance(TimeSpan.FromSeconds(5));
        }

        // 0 s and 60 s are kept; the 5 s checks between them are not.
        Assert.Equal([true, .. Enumerable.Repeat(false, 11), true, false], kept);
        Assert.Equal(2, (await _service.ListAsync(new HealthCheckQuery(MonitoringCadence.Intensive))).Count);
        Assert.Equal(2, _published);
    }

    [Fact]
    public async Task RecordAsync_IntensiveNonPass_IsAlwaysKept_AndAuditedOnlyWhenItTurnsUnhealthyOrRecovers()
    {
        Verdict[] verdicts = [Verdict.Pass, Verdict.Warn, Verdict.Fail, Verdict.Fail, Verdict.NoData, Verdict.Warn, Verdict.Pass];
        var kept = new List<bool>();
        foreach (var verdict in verdicts)
        {
            kept.Add(await _service.RecordAsync(Check(MonitoringCadence.Intensive, verdict)));
            _clock.Advance(TimeSpan.FromSeconds(5));
        }

        var audited = (await _store.Get<AuditLog>().ReadAsync(_rolloutId)).Where(e => e.Kind == "healthCheck.recorded").ToList();
        Assert.All(kept, Assert.True);
        Assert.Equal(["Fail", "NoData", "Warn"], audited.Select(e => System.Text.Json.JsonDocument.Parse(e.PayloadJson).RootElement.GetProperty("verdict").GetString()));
        Assert.True((await _store.Get<AuditLog>().VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task RecordAsync_CalendarChecks_AreEachKeptAndAudited()
    {
        await _service.RecordAsync(Check(MonitoringCadence.Close, Verdict.Pass));
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _service.RecordAsync(Check(MonitoringCadence.Daily, Verdict.Pass));

        var audited = (await _store.Get<AuditLog>().ReadAsync(_rolloutId)).Count(e => e.Kind == "healthCheck.recorded");
        Assert.Equal(2, audited);
        Assert.Equal([MonitoringCadence.Daily, MonitoringCadence.Close], (await _service.ListAsync(new HealthCheckQuery())).Select(c => c.Cadence));
    }

    [Fact]
    public async Task RecordAsync_IntensiveRecordsPastRetention_AreDeleted_CalendarOnesKept()
    {
        await _service.RecordAsync(Check(MonitoringCadence.Intensive, Verdict.Fail));
        await _service.RecordAsync(Check(MonitoringCadence.Weekly, Verdict.Pass));
        _clock.Advance(TimeSpan.FromDays(2));

        await _service.RecordAsync(Check(MonitoringCadence.Intensive, Verdict.Warn));

        var left = await _service.ListAsync(new HealthCheckQuery());
        Assert.Equal([(MonitoringCadence.Intensive, Verdict.Warn), (MonitoringCadence.Weekly, Verdict.Pass)], left.Select(c => (c.Cadence, c.Verdict)));
    }

    [Fact]
    public async Task ListAsync_FiltersByCadenceRolloutAndVerdict_NewestFirst()
    {
        await _service.RecordAsync(Check(MonitoringCadence.Intensive, Verdict.Fail));
        _clock.Advance(TimeSpan.FromSeconds(5));
        await _service.RecordAsync(Check(MonitoringCadence.Intensive, Verdict.Warn));
        _clock.Advance(TimeSpan.FromSeconds(5));
        await _service.RecordAsync(Check(MonitoringCadence.Close, Verdict.Fail) with { RolloutId = null });

        Assert.Equal(2, (await _service.ListAsync(new HealthCheckQuery(RolloutId: _rolloutId))).Count);
        Assert.Equal([Verdict.Warn, Verdict.Fail], (await _service.ListAsync(new HealthCheckQuery(MonitoringCadence.Intensive))).Select(c => c.Verdict));
        Assert.Equal(2, (await _service.ListAsync(new HealthCheckQuery(Verdict: Verdict.Fail))).Count);
        Assert.Single(await _service.ListAsync(new HealthCheckQuery(Limit: 1)));
    }

    private HealthCheck Check(MonitoringCadence cadence, Verdict verdict)
    {
        var now = _clock.GetUtcNow();
        var metric = new HealthCheckMetric("errorRatePct", HealthCheckRule.Criterion, Comparator.LessThan, 1, verdict == Verdict.Pass ? 0.2 : 1.4, verdict, true);
        return new HealthCheck(
            cadence, _rolloutId, 0, "canary", new HealthCheckWindow(now.AddMinutes(-1), now), now, now,
            new HealthCheckResult(verdict, $"{HealthCheckJudge.Text(verdict)} — test", [metric]));
    }
}
