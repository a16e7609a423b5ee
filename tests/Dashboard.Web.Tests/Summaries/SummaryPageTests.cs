using Dashboard.Core.Evaluation;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Features.Summaries;
using Dashboard.Web.Features.Summaries.Components;
using Dashboard.Web.Features.Summaries.Pages;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Summaries;

public sealed class SummaryPageTests
{
    [Fact]
    public async Task Page_StoredSummary_ShowsVerdictCriteriaInWordsAndExportLinks()
    {
        await using var host = await CreateHostAsync();
        var rollout = await host.StartRolloutAsync();
        var summary = Summaries.Of(rollout.Id, SummaryOutlook.OnTrack, "On track: every criterion passed over the first 2 h of canary.", Summaries.ErrorRate(Verdict.Pass));
        await Summaries.StoreAsync(host.Get<ExecutiveSummaryStore>(), summary);

        var page = host.Context.Render<SummaryPage>(p => p.Add(c => c.Id, rollout.Id).Add(c => c.SummaryId, summary.Id));

        Assert.Equal("learning-api 1.5.0: End of canary", page.Find("[data-testid=summary-title]").TextContent);
        Assert.Equal(summary.Status.Verdict, page.Find("[data-testid=summary-verdict]").TextContent);
        var row = page.Find("[data-testid=summary-criterion]");
        Assert.Equal("Pass", row.GetAttribute("data-verdict"));
        Assert.Contains("Error rate", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("The plan does not judge it.", page.Find("[data-testid=summary-revenue]").TextContent, StringComparison.Ordinal);
        Assert.Contains("still open", page.Find("[data-testid=summary-incident]").TextContent, StringComparison.Ordinal);
        Assert.Contains("confirmed", page.Find("[data-testid=summary-traffic-change]").TextContent, StringComparison.Ordinal);
        Assert.Equal($"/api/rollouts/{rollout.Id}/summaries/{summary.Id}?format=markdown", page.Find("[data-testid=export-markdown]").GetAttribute("href"));
        Assert.Equal($"/api/rollouts/{rollout.Id}/summaries/{summary.Id}", page.Find("[data-testid=export-json]").GetAttribute("href"));
        Assert.Contains("no-print", page.Find("[data-testid=summary-links]").ClassList);
        Assert.DoesNotContain("errorRatePct", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_CriterionWithoutData_SaysNoDataAndWhyNeverPass()
    {
        await using var host = await CreateHostAsync();
        var rollout = await host.StartRolloutAsync();
        var summary = Summaries.Of(
            rollout.Id, SummaryOutlook.NotJudged, "Not judged: no data for Error rate over the first 2 h of canary, so nothing shows it is fine.",
            Summaries.ErrorRate(Verdict.NoData, "no data", "No data in the window."));
        await Summaries.StoreAsync(host.Get<ExecutiveSummaryStore>(), summary);

        var page = host.Context.Render<SummaryPage>(p => p.Add(c => c.Id, rollout.Id).Add(c => c.SummaryId, summary.Id));

        var row = page.Find("[data-testid=summary-criterion]");
        Assert.Equal("NoData", row.GetAttribute("data-verdict"));
        Assert.Contains("no data (No data in the window.)", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("NO DATA", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("PASS", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("NotJudged", page.Find("[data-testid=summary]").GetAttribute("data-outlook"));
    }

    [Fact]
    public async Task Page_UnknownSummary_SaysTheRolloutHasNone()
    {
        await using var host = await CreateHostAsync();
        var rollout = await host.StartRolloutAsync();
        var missing = Guid.NewGuid();

        var page = host.Context.Render<SummaryPage>(p => p.Add(c => c.Id, rollout.Id).Add(c => c.SummaryId, missing));

        Assert.Equal($"Rollout {rollout.Id} has no summary {missing}.", page.Find("[data-testid=summary-missing]").TextContent);
    }

    [Fact]
    public async Task Links_SummaryWrittenWhileShown_AppearsLinkedWithoutReload()
    {
        await using var host = await CreateHostAsync();
        var rollout = await host.StartRolloutAsync();
        var links = host.Context.Render<SummaryLinks>(p => p.Add(c => c.RolloutId, rollout.Id));
        Assert.NotEmpty(links.FindAll("[data-testid=summaries-none]"));

        var summary = Summaries.Of(rollout.Id, SummaryOutlook.OnTrack, "On track.", Summaries.ErrorRate(Verdict.Pass));
        await Summaries.StoreAsync(host.Get<ExecutiveSummaryStore>(), summary);
        host.Get<RolloutChangeFeed>().Publish(rollout.Id);

        links.WaitForAssertion(
            () => Assert.Equal($"/rollouts/{rollout.Id}/summaries/{summary.Id}", links.Find("[data-testid=summary-link]").GetAttribute("href")),
            TimeSpan.FromSeconds(5));
    }

    private static Task<AppTestHost> CreateHostAsync() =>
        AppTestHost.CreateAsync(addServices: services => services.AddSingleton<SummaryReader>());
}
