using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Demo;
using Dashboard.Web.Features.LiveMetrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.TestSupport;

/// <summary>
/// An <see cref="AppTestHost"/> for the live pages: a driven feed, the clock at <see cref="Start"/> and the app's default
/// <see cref="Staleness"/> rule, on a migrated state store (the pages read which rollout runs from it; fault changes are
/// audited there). <see cref="WithDemoFaultsAsync"/> adds the demo's fault board and service.
/// </summary>
internal sealed class LiveDashboardTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = AppTestHost.T0;

    /// <summary>The defaults: points every 5 s, polls every 5 s, 5 s of grace — stale beyond 15 s.</summary>
    public static readonly StalenessRule Staleness = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));

    private readonly AppTestHost _host;

    public LiveDashboardTestHost(TestUser? user = null)
        : this(user, withFaultBoard: false)
    {
    }

    private LiveDashboardTestHost(TestUser? user, bool withFaultBoard)
    {
        _host = new AppTestHost(user, services =>
        {
            services.AddSingleton<ILiveDashboardFeed>(Feed);
            services.AddSingleton(Staleness);
            if (withFaultBoard)
            {
                // As in demo mode: the panel goes through the same service as the REST API, which audits.
                services.AddSingleton<DemoFaultBoard>();
                services.AddSingleton<DemoFaultService>();
                services.AddSingleton(Options.Create(new DemoOptions { Enabled = true }));
            }
        });

        // The live pages read which rollout runs (FollowedRollouts): an empty store means none.
        _host.Get<StateStoreMigrator>().MigrateAsync().GetAwaiter().GetResult();
    }

    public BunitContext Context => _host.Context;

    public TestLiveDashboardFeed Feed { get; } = new();

    public FakeTimeProvider Clock => _host.Clock;

    public DemoFaultBoard? FaultBoard => Context.Services.GetService<DemoFaultBoard>();

    /// <summary>A host in demo mode, its state store migrated so that fault changes can be audited.</summary>
    public static Task<LiveDashboardTestHost> WithDemoFaultsAsync(TestUser? user = null) =>
        Task.FromResult(new LiveDashboardTestHost(user, withFaultBoard: true));

    /// <summary>Sets the feed's state before the first render.</summary>
    public LiveDashboardTestHost With(LiveDashboardState state)
    {
        Feed.Publish(state);
        return this;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
