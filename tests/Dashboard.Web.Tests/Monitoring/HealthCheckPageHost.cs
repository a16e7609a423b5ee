using Dashboard.Core.Evaluation;
using Dashboard.Core.Monitoring;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Monitoring;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using Quartz;

namespace Dashboard.Web.Tests.Monitoring;

/// <summary>
/// A bUnit context for the health-check page: a real, migrated SQLite state store in a temp folder,
/// the rollout and monitoring services as the app registers them (Quartz in memory), and a started rollout
/// to record checks for. Deleted on dispose.
/// </summary>
internal sealed class HealthCheckPageHost : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "warroom-health-ui-" + Guid.NewGuid().ToString("N"));

    private HealthCheckPageHost()
    {
        Directory.CreateDirectory(_folder);
        Context.Services.AddMudServices();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddSingleton<TimeProvider>(Clock);
        Context.Services.AddDriftBannerServices($"Data Source={Path.Combine(_folder, "state.db")}", new SettableRouter());
        Context.Services.AddMonitoring(new ConfigurationBuilder().Build());
        // The app's scheduler with Quartz's in-memory store; never started, so nothing fires.
        Context.Services.AddQuartz();
        Context.SetRendererInfo(RendererModes.Interactive);
    }

    public BunitContext Context { get; } = new();

    public FakeTimeProvider Clock { get; } = new(RolloutViews.T0);

    public Guid RolloutId { get; private set; }

    public HealthCheckService Service => Context.Services.GetRequiredService<HealthCheckService>();

    public static async Task<HealthCheckPageHost> CreateAsync()
    {
        var host = new HealthCheckPageHost();
        await host.Context.Services.GetRequiredService<StateStoreMigrator>().MigrateAsync();
        var rollout = await StoredRollouts.StartAsync(host.Context.Services.GetRequiredService<RolloutStore>());
        host.RolloutId = rollout.Id;
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

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
