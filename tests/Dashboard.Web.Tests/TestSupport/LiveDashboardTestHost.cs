using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Demo;
using Dashboard.Web.Features.LiveMetrics;
using Dashboard.Web.Features.LiveMetrics.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests.TestSupport;

/// <summary>
/// An <see cref="AppTestHost"/> for the live pages: a driven feed, the clock at <see cref="Start"/> and a poll interval
/// of <see cref="PollInterval"/>. <see cref="WithDemoFaultsAsync"/> adds the demo's fault board and service on the
/// host's state store, migrated (fault changes are audited); otherwise the store is never opened.
/// </summary>
internal sealed class LiveDashboardTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = AppTestHost.T0;
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    private readonly AppTestHost _host;

    public LiveDashboardTestHost(TestUser? user = null)
        : this(user, withFaultBoard: false)
    {
    }

    private LiveDashboardTestHost(TestUser? user, bool withFaultBoard) =>
        _host = new AppTestHost(user, services =>
        {
            services.AddSingleton<ILiveDashboardFeed>(Feed);
            services.AddSingleton(new LiveDashboardSettings(PollInterval));
            if (withFaultBoard)
            {
                // As in demo mode: the panel goes through the same service as the REST API, which audits.
                services.AddSingleton<DemoFaultBoard>();
                services.AddSingleton<DemoFaultService>();
                services.AddSingleton(Options.Create(new DemoOptions { Enabled = true }));
            }
        });

    public BunitContext Context => _host.Context;

    public TestLiveDashboardFeed Feed { get; } = new();

    public FakeTimeProvider Clock => _host.Clock;

    public DemoFaultBoard? FaultBoard => Context.Services.GetService<DemoFaultBoard>();

    /// <summary>A host in demo mode, its state store migrated so that fault changes can be audited.</summary>
    public static async Task<LiveDashboardTestHost> WithDemoFaultsAsync(TestUser? user = null)
    {
        var host = new LiveDashboardTestHost(user, withFaultBoard: true);
        await host._host.Get<StateStoreMigrator>().MigrateAsync();
        return host;
    }

    /// <summary>Sets the feed's state before the first render.</summary>
    public LiveDashboardTestHost With(LiveDashboardState state)
    {
        Feed.Publish(state);
        return this;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
