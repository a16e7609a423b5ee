using Dashboard.Core.Evaluation;
using Dashboard.Core.Metrics;
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

    [Fact]
    public async Task Page_ManyChecks_ShowsOnePageNewestFirst_AndThePageControlsReachTheRest()
    {
        await using var host = await HealthCheckPageHost.CreateAsync();
        for (var i = 1; i <= HealthChecksPage.PageSize + 5; i++)
        {
            await host.RecordAsync(MonitoringCadence.Close, Verdict.Warn, i / 100.0);
            host.Clock.Advance(TimeSpan.FromSeconds(5));
        }

        var page = host.Context.Render<HealthChecksPage>();

        Assert.Equal(HealthChecksPage.PageSize, page.FindAll("[data-testid=health-check]").Count);
        Assert.Equal("Checks 1–25 of 30, newest first", page.Find("[data-testid=health-check-range]").TextContent);
        Assert.Contains("Error rate 0.3 %", page.Find("[data-testid=health-check-value]").TextContent, StringComparison.Ordinal);

        page.Find("[data-testid=health-check-pages] [aria-label='Next page'], [data-testid=health-check-pages] .mud-pagination-item:last-child button").Click();

        page.WaitForAssertion(() => Assert.Equal("Checks 26–30 of 30, newest first", page.Find("[data-testid=health-check-range]").TextContent));
        Assert.Equal(5, page.FindAll("[data-testid=health-check]").Count);
        Assert.Contains("Error rate 0.05 %", page.FindAll("[data-testid=health-check-value]")[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_FewChecks_ShowsNoPageControls()
    {
        await using var host = await HealthCheckPageHost.CreateAsync();
        await host.RecordAsync(MonitoringCadence.Close, Verdict.Pass, 0.2);

        var page = host.Context.Render<HealthChecksPage>();

        Assert.Empty(page.FindAll("[data-testid=health-check-pages]"));
        Assert.Equal("Checks 1–1 of 1, newest first", page.Find("[data-testid=health-check-range]").TextContent);
    }

    [Fact]
    public async Task Page_JudgedCheck_SummaryNamesTheMetricInWords_WithItsUnit()
    {
        await using var host = await HealthCheckPageHost.CreateAsync();
        await host.RecordJudgedAsync(MonitoringCadence.Intensive, 1.60347);

        var page = host.Context.Render<HealthChecksPage>();

        var summary = page.Find("[data-testid=health-check-summary]").TextContent;
        Assert.StartsWith("FAIL — Error rate 1.603 %, needs < 1 %; Error rate 1.603 % meets rollback trigger > 1.5 %", summary, StringComparison.Ordinal);
        var table = page.Find("[data-testid=health-check-table]").TextContent;
        Assert.All(MetricCatalog.All, metric => Assert.DoesNotContain(metric.Key, table, StringComparison.Ordinal));
    }
}
