using Dashboard.Core.Metrics;
using Dashboard.Web.Components;
using Dashboard.Web.Features.BoardHistory;
using Dashboard.Web.Features.LiveMetrics;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.BoardHistory;

/// <summary>
/// An <see cref="AppTestHost"/> for the boards as they were: the past-board services on a migrated state store, a
/// <see cref="RecordingMetricsReader"/> and the live feed the live board would follow (so a test can show that a past
/// board does not).
/// </summary>
internal sealed class PastBoardTestHost : IAsyncDisposable
{
    private readonly AppTestHost _host;

    private PastBoardTestHost(AppTestHost host, RecordingMetricsReader reader, TestLiveDashboardFeed feed)
    {
        _host = host;
        Reader = reader;
        Feed = feed;
    }

    public AppTestHost App => _host;

    public RecordingMetricsReader Reader { get; }

    public TestLiveDashboardFeed Feed { get; }

    public static async Task<PastBoardTestHost> CreateAsync()
    {
        var reader = new RecordingMetricsReader();
        var feed = new TestLiveDashboardFeed();
        var host = await AppTestHost.CreateAsync(addServices: services =>
        {
            services.AddSingleton<IMetricsReader>(reader);
            services.AddSingleton<ILiveDashboardFeed>(feed);
            services.AddSingleton(LiveDashboardTestHost.Staleness);
            services.AddOptions<LiveMetricsOptions>();
            services.AddBoardHistory();
        });
        return new PastBoardTestHost(host, reader, feed);
    }

    /// <summary>Opens <paramref name="uri"/> through the router, so the page gets its layout.</summary>
    public IRenderedComponent<Routes> Navigate(string uri)
    {
        _host.Get<NavigationManager>().NavigateTo(uri);
        return _host.Context.Render<Routes>();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
