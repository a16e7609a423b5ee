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
/// <see cref="TrafficDriftMonitor"/> and a <see cref="SettableRouter"/>, signed in as an operator
/// unless a test names someone else; a test adds what else its component needs (e.g.
/// <see cref="RolloutPageTesting.AddRolloutPageServices"/>). Deleted on dispose.
/// </summary>
internal sealed class DriftBannerTestHost : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "warroom-ui-" + Guid.NewGuid().ToString("N"));

    private DriftBannerTestHost(TestUser user, Action<IServiceCollection>? addServices)
    {
        Directory.CreateDirectory(_folder);
        Context.Services.AddMudServices();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddSingleton<TimeProvider>(Clock);
        Context.Services.AddDriftBannerServices($"Data Source={Path.Combine(_folder, "state.db")}", Router);
        addServices?.Invoke(Context.Services);
        Context.SignInAs(user);
        Context.SetRendererInfo(RendererModes.Interactive);
    }

    public BunitContext Context { get; } = new();

    public FakeTimeProvider Clock { get; } = new(RolloutViews.T0);

    public SettableRouter Router { get; } = new();

    public TrafficDriftMonitor Monitor => Context.Services.GetRequiredService<TrafficDriftMonitor>();

    public static async Task<DriftBannerTestHost> CreateAsync(TestUser? user = null, Action<IServiceCollection>? addServices = null)
    {
        var host = new DriftBannerTestHost(user ?? TestUser.Operator, addServices);
        await host.Context.Services.GetRequiredService<StateStoreMigrator>().MigrateAsync();
        return host;
    }

    /// <summary>Stores a rollout of the three-phase plan started at 1 %, as the app would have.</summary>
    public Task<Dashboard.Core.Rollouts.Rollout> StartRolloutAsync() =>
        StoredRollouts.StartAsync(Context.Services.GetRequiredService<RolloutStore>());

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
