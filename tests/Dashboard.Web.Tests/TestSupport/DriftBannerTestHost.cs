using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.TrafficDrift;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.TestSupport;

/// <summary>
/// A bUnit context with what the drift banner needs, wired as the app wires it: a real SQLite
/// state store in a temp folder (migrated), <see cref="Features.Rollouts.RolloutService"/>, the
/// <see cref="TrafficDriftMonitor"/> and a <see cref="SettableRouter"/>. Deleted on dispose.
/// </summary>
internal sealed class DriftBannerTestHost : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "warroom-ui-" + Guid.NewGuid().ToString("N"));

    private DriftBannerTestHost()
    {
        Directory.CreateDirectory(_folder);
        Context.Services.AddMudServices();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddSingleton<TimeProvider>(Clock);
        Context.Services.AddDriftBannerServices($"Data Source={Path.Combine(_folder, "state.db")}", Router);
        Context.SetRendererInfo(RendererModes.Interactive);
    }

    public BunitContext Context { get; } = new();

    public FakeTimeProvider Clock { get; } = new(RolloutViews.T0);

    public SettableRouter Router { get; } = new();

    public TrafficDriftMonitor Monitor => Context.Services.GetRequiredService<TrafficDriftMonitor>();

    public static async Task<DriftBannerTestHost> CreateAsync()
    {
        var host = new DriftBannerTestHost();
        await host.Context.Services.GetRequiredService<StateStoreMigrator>().MigrateAsync();
        return host;
    }

    /// <summary>Stores a rollout of the three-phase plan started at 1 %, as the app would have.</summary>
    public async Task<Dashboard.Core.Rollouts.Rollout> StartRolloutAsync()
    {
        var store = Context.Services.GetRequiredService<RolloutStore>();
        var creation = Dashboard.Core.Rollouts.Rollout.Create(
            Guid.NewGuid(), "learning-api", "v2.9.4", "v3.0.0", RolloutViews.Plan, "alice", "sprint 2 release", RolloutViews.T0);
        Assert.True(creation.Succeeded, creation.Rejection?.Message);
        await store.CreateAsync(creation.Rollout, creation.Events);
        var rollout = creation.Rollout;
        var loaded = rollout.Version;
        var started = rollout.Start("alice", "go", RolloutViews.T0);
        Assert.True(started.Succeeded, started.Rejection?.Message);
        await store.SaveAsync(rollout, loaded, started.Events, TrafficChangeSource.Ui);
        return rollout;
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
