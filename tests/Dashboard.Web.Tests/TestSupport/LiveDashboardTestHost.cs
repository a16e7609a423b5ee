using Dashboard.Web.Features.Demo;
using Dashboard.Web.Features.LiveMetrics;
using Dashboard.Web.Features.LiveMetrics.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.TestSupport;

/// <summary>
/// A bUnit context wired like the app on a live circuit: MudBlazor, a driven feed, a fake clock
/// starting at <see cref="Start"/>, a poll interval of <see cref="PollInterval"/> and the drift banner's services.
/// </summary>
internal sealed class LiveDashboardTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    public LiveDashboardTestHost(bool withFaultBoard = false)
    {
        Context.Services.AddMudServices();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddSingleton<ILiveDashboardFeed>(Feed);
        Context.Services.AddSingleton<TimeProvider>(Clock);
        Context.Services.AddSingleton(new LiveDashboardSettings(PollInterval));
        // Both layouts carry the drift banner; its store is never opened here (the monitor stays NotChecked).
        Context.Services.AddDriftBannerServices($"Data Source={Path.Combine(Path.GetTempPath(), "warroom-ui-unused.db")}", new SettableRouter());
        if (withFaultBoard)
        {
            // As in demo mode: the panel goes through the same service as the REST API.
            FaultBoard = new DemoFaultBoard(Clock);
            Context.Services.AddSingleton(FaultBoard);
            Context.Services.AddSingleton(new DemoFaultService(FaultBoard));
            Context.Services.AddSingleton(Options.Create(new DemoOptions { Enabled = true }));
        }

        // The app bar asks who is signed in (its Admin link is for admins): nobody, here.
        Context.AddAuthorization();

        // Last: it resolves the renderer, after which no service can be added.
        Context.SetRendererInfo(RendererModes.Interactive);
    }

    public BunitContext Context { get; } = new();

    public TestLiveDashboardFeed Feed { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Start);

    public DemoFaultBoard? FaultBoard { get; }

    /// <summary>Sets the feed's state before the first render.</summary>
    public LiveDashboardTestHost With(LiveDashboardState state)
    {
        Feed.Publish(state);
        return this;
    }

    public ValueTask DisposeAsync() => Context.DisposeAsync();
}
