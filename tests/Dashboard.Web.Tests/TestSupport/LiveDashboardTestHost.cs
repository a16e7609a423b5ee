using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Demo;
using Dashboard.Web.Features.LiveMetrics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.TestSupport;

/// <summary>
/// A bUnit context wired like the app on a live circuit: MudBlazor, a driven feed, a fake clock
/// starting at <see cref="Start"/>, the app's default <see cref="Staleness"/> rule and the drift banner's services,
/// signed in as an operator unless a test names someone else, on a migrated state store of its own (the pages
/// read which rollout runs from it). <see cref="WithDemoFaultsAsync"/> adds the demo's fault board and service.
/// </summary>
internal sealed class LiveDashboardTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    /// <summary>The defaults: points every 5 s, polls every 5 s, 5 s of grace — stale beyond 15 s.</summary>
    public static readonly StalenessRule Staleness = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "warroom-ui-" + Guid.NewGuid().ToString("N"));

    public LiveDashboardTestHost(TestUser? user = null)
        : this(user, withFaultBoard: false)
    {
    }

    private LiveDashboardTestHost(TestUser? user, bool withFaultBoard)
    {
        Context.Services.AddMudServices();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddSingleton<ILiveDashboardFeed>(Feed);
        Context.Services.AddSingleton<TimeProvider>(Clock);
        Context.Services.AddSingleton(Staleness);
        Directory.CreateDirectory(_folder);
        var database = Path.Combine(_folder, "state.db");
        if (withFaultBoard)
        {
            // As in demo mode: the panel goes through the same service as the REST API, which audits.
            FaultBoard = new DemoFaultBoard(Clock);
            Context.Services.AddSingleton(FaultBoard);
            Context.Services.AddSingleton<DemoFaultService>();
            Context.Services.AddSingleton(Options.Create(new DemoOptions { Enabled = true }));
        }

        // Both layouts carry the drift banner; without the demo the drift monitor stays NotChecked.
        Context.Services.AddDriftBannerServices($"Data Source={database}", new SettableRouter());
        Context.SignInAs(user ?? TestUser.Operator);

        // Last: it resolves the renderer, after which no service can be added.
        Context.SetRendererInfo(RendererModes.Interactive);

        // The live pages read which rollout runs (FollowedRollouts): an empty store means none.
        Context.Services.GetRequiredService<StateStoreMigrator>().MigrateAsync().GetAwaiter().GetResult();
    }

    public BunitContext Context { get; } = new();

    public TestLiveDashboardFeed Feed { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Start);

    public DemoFaultBoard? FaultBoard { get; }

    /// <summary>A host in demo mode, its state store migrated so that fault changes can be audited.</summary>
    public static Task<LiveDashboardTestHost> WithDemoFaultsAsync(TestUser? user = null) =>
        Task.FromResult(new LiveDashboardTestHost(user, withFaultBoard: true));

    /// <summary>Sets the feed's state before the first render.</summary>
    public LiveDashboardTestHost With(LiveDashboardState state)
    {
        Feed.Publish(state);
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
