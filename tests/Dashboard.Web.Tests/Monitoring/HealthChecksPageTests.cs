using Dashboard.Core.Evaluation;
using Dashboard.Core.Monitoring;
using Dashboard.Web.Features.Monitoring.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Monitoring;

public sealed class HealthChecksPageTests
{
    [Fact]
    public async Task Page_ListsChecksNewestFirst_WithVerdictChipsAndValues()
    {
        await using var host = await HealthCheckPageHost.CreateAsync();
        await host.RecordAsync(MonitoringCadence.Close, Verdict.Pass, 0.2);
        host.Clock.Advance(TimeSpan.FromSeconds(5));
        await host.RecordAsync(MonitoringCadence.Intensive, Verdict.Fail, 1.4);

        var page = host.Context.Render<HealthChecksPage>();

        var rows = page.FindAll("[data-testid=health-check]");
        Assert.Equal([("Intensive", "Fail"), ("Close", "Pass")], rows.Select(r => (r.GetAttribute("data-cadence"), r.GetAttribute("data-verdict"))));
        Assert.Equal("FAIL", rows[0].QuerySelector(".verdict-chip")!.TextContent.Trim());
        Assert.Contains("Error rate 1.4 %", rows[0].QuerySelector("[data-testid=health-check-value]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("learning-api v3.0.0", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("(1 min 0 s)", rows[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_CadenceAndVerdictInTheQuery_ShowOnlyThoseChecks()
    {
        await using var host = await HealthCheckPageHost.CreateAsync();
        await host.RecordAsync(MonitoringCadence.Close, Verdict.Pass, 0.2);
        host.Clock.Advance(TimeSpan.FromSeconds(5));
        await host.RecordAsync(MonitoringCadence.Intensive, Verdict.Fail, 1.4);
        host.Clock.Advance(TimeSpan.FromSeconds(5));
        await host.RecordAsync(MonitoringCadence.Close, Verdict.Warn, 0.9);
        host.Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/health-checks?cadence=close&verdict=Warn");

        var page = host.Context.Render<HealthChecksPage>();

        var row = Assert.Single(page.FindAll("[data-testid=health-check]"));
        Assert.Equal(("Close", "Warn"), (row.GetAttribute("data-cadence"), row.GetAttribute("data-verdict")));
    }

    [Fact]
    public async Task Page_CheckSavedWhileOpen_AppearsWithoutReloading()
    {
        await using var host = await HealthCheckPageHost.CreateAsync();
        var page = host.Context.Render<HealthChecksPage>();
        Assert.NotEmpty(page.FindAll("[data-testid=no-health-checks]"));

        await host.RecordAsync(MonitoringCadence.Daily, Verdict.NoData, 0.1);

        page.WaitForAssertion(() => Assert.Equal("NoData", Assert.Single(page.FindAll("[data-testid=health-check]")).GetAttribute("data-verdict")), TimeSpan.FromSeconds(5));
    }
}
