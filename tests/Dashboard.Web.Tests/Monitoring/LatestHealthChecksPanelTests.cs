using System.Globalization;
using Dashboard.Core.Evaluation;
using Dashboard.Core.Monitoring;
using Dashboard.Web.Features.Monitoring;
using Dashboard.Web.Features.Monitoring.Components;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Monitoring;

public sealed class LatestHealthChecksPanelTests
{
    [Fact]
    public async Task Panel_ShowsTheLatestCheckOfEachCadence_AndWhenTheNextIsDue()
    {
        await using var host = await HealthCheckPageHost.CreateAsync();
        await host.Context.Services.GetRequiredService<MonitoringScheduler>().SyncAsync();
        await host.RecordAsync(MonitoringCadence.Close, Verdict.Warn, 0.9);
        host.Clock.Advance(TimeSpan.FromSeconds(5));
        await host.RecordAsync(MonitoringCadence.Close, Verdict.Fail, 1.3);

        var panel = host.Context.Render<LatestHealthChecksPanel>(p => p.Add(x => x.RolloutId, host.RolloutId).Add(x => x.StartedAt, RolloutViews.T0));

        var rows = panel.FindAll("[data-testid=latest-health-check]").ToDictionary(r => r.GetAttribute("data-cadence")!);
        Assert.Equal(["Intensive", "Close", "Daily", "Weekly"], rows.Keys);
        Assert.Equal("Fail", rows["Close"].GetAttribute("data-verdict"));
        Assert.Equal("None", rows["Daily"].GetAttribute("data-verdict"));
        // Quartz dates a trigger from the real clock, so the expected slot is the trigger's own, never "now" read here:
        // reading the real clock beside the fake one could cross Friday 10:00 UTC between the two reads.
        var weekly = (await host.Context.Services.GetRequiredService<MonitoringScheduler>().ReadAsync()).Single(s => s.Cadence == MonitoringCadence.Weekly);
        var nextWeekly = Assert.NotNull(weekly.NextDueAt);
        Assert.Equal(nextWeekly, CadenceCalendar.LatestDueAtOrBefore(MonitoringCadence.Weekly, nextWeekly));
        Assert.Equal(nextWeekly.ToString("ddd MMM d HH:mm", CultureInfo.InvariantCulture), rows["Weekly"].QuerySelector("[data-testid=next-due]")!.TextContent.Trim());
        Assert.Contains("every 5 s until", rows["Intensive"].QuerySelector("[data-testid=next-due]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Panel_CheckOfThisRolloutSaved_ShowsItWithoutReloading()
    {
        await using var host = await HealthCheckPageHost.CreateAsync();
        var panel = host.Context.Render<LatestHealthChecksPanel>(p => p.Add(x => x.RolloutId, host.RolloutId).Add(x => x.StartedAt, RolloutViews.T0));

        await host.RecordAsync(MonitoringCadence.Intensive, Verdict.Fail, 2.5);

        panel.WaitForAssertion(
            () => Assert.Equal("Fail", panel.Find("[data-testid=latest-health-check][data-cadence=Intensive]").GetAttribute("data-verdict")),
            TimeSpan.FromSeconds(5));
    }
}
