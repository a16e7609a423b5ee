using Dashboard.Core.Evaluation;
using Dashboard.Core.Metrics;
using Dashboard.Core.Monitoring;
using Dashboard.Core.Plans;
using Dashboard.Web.Features.Monitoring;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace Dashboard.Web.Tests.Monitoring;

/// <summary>
/// An <see cref="AppTestHost"/> for the health-check page: its state store migrated, the rollout and monitoring services as the app registers them (Quartz in memory), and a started rollout
/// to record checks for. Deleted on dispose.
/// </summary>
internal sealed class HealthCheckPageHost : IAsyncDisposable
{
    private readonly AppTestHost _host;

    private HealthCheckPageHost(AppTestHost host) => _host = host;

    public BunitContext Context => _host.Context;

    public FakeTimeProvider Clock => _host.Clock;

    public Guid RolloutId { get; private set; }

    public HealthCheckService Service => Context.Services.GetRequiredService<HealthCheckService>();

    public static async Task<HealthCheckPageHost> CreateAsync()
    {
        var host = new HealthCheckPageHost(await AppTestHost.CreateAsync(addServices: services =>
        {
            services.AddMonitoring(new ConfigurationBuilder().Build());
            // The app's scheduler with Quartz's in-memory store; never started, so nothing fires.
            services.AddQuartz();
        }));
        host.RolloutId = (await host._host.StartRolloutAsync()).Id;
        return host;
    }

    /// <summary>Records a check of the rollout's canary phase with one error-rate value, at the clock's time.</summary>
    public async Task RecordAsync(MonitoringCadence cadence, Verdict verdict, double errorRatePct)
    {
        var now = Clock.GetUtcNow();
        var metric = new HealthCheckMetric("errorRatePct", HealthCheckRule.Criterion, Comparator.LessThan, 1, errorRatePct, verdict, true);
        var check = new HealthCheck(
            cadence, RolloutId, 0, "canary", new HealthCheckWindow(now.AddMinutes(-1), now), now, now,
            new HealthCheckResult(verdict, $"{HealthCheckJudge.Text(verdict)} — error rate {errorRatePct} %", [metric]));
        Assert.True(await Service.RecordAsync(check));
    }

    /// <summary>Records a check of the canary phase as the monitoring job judges it, with the canary's error rate at <paramref name="errorRatePct"/>.</summary>
    public async Task RecordJudgedAsync(MonitoringCadence cadence, double errorRatePct)
    {
        var now = Clock.GetUtcNow();
        var healthy = new CohortMetrics { ErrorRatePct = 0.3, P99Ms = 150, AvailabilityPct = 99.99, CacheEfficiencyPct = 90, RevenuePerLearner = 1 };
        var snapshot = new MetricsSnapshot(
            now, 60, 0, new CohortPair(healthy, healthy with { ErrorRatePct = errorRatePct }), new Dictionary<string, CohortPair>(), new Dictionary<string, CohortPair>())
        {
            NewestPointAt = now,
        };
        var result = HealthCheckJudge.Judge(BuiltInPlans.ThreePhase.Phases[0], TimeSpan.FromMinutes(20), snapshot, null, TimeSpan.FromSeconds(30));
        Assert.True(await Service.RecordAsync(new HealthCheck(cadence, RolloutId, 0, "canary", new HealthCheckWindow(now.AddMinutes(-1), now), now, now, result)));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
