using Dashboard.Web.Components.Pages;
using Dashboard.Web.Features.LiveMetrics;
using Dashboard.Web.Features.Monitoring;
using Dashboard.Web.Features.Summaries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Quartz;

namespace Dashboard.Web.Tests.TestSupport;

/// <summary>The whole rollout page in a <see cref="AppTestHost"/>: the services it adds, and rendering it.</summary>
internal static class RolloutPageTesting
{
    /// <summary>
    /// What the rollout page needs beyond the drift banner's services: a live feed nobody publishes to,
    /// the staleness rule, the monitoring services with Quartz in memory (never started) and the summaries' reader.
    /// </summary>
    public static void AddRolloutPageServices(this IServiceCollection services)
    {
        services.AddSingleton<ILiveDashboardFeed>(new TestLiveDashboardFeed());
        services.AddSingleton(LiveDashboardTestHost.Staleness);
        services.AddMonitoring(new ConfigurationBuilder().Build());
        services.AddQuartz();
        services.AddSingleton<SummaryReader>();
    }

    /// <summary>The rollout page of <paramref name="id"/>, and the dialog provider its dialogs open in.</summary>
    public static (IRenderedComponent<RolloutPage> Page, IRenderedComponent<MudDialogProvider> Dialogs) RenderRolloutPage(this AppTestHost host, Guid id)
    {
        ArgumentNullException.ThrowIfNull(host);
        host.Context.Render<MudPopoverProvider>();
        var dialogs = host.Context.Render<MudDialogProvider>();
        return (host.Context.Render<RolloutPage>(p => p.Add(page => page.Id, id)), dialogs);
    }
}
