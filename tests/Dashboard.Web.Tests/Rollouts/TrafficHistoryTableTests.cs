using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Features.Rollouts.Components;
using Dashboard.Web.Shared.Components;
using Dashboard.Web.Tests.TestSupport;

namespace Dashboard.Web.Tests.Rollouts;

public sealed class TrafficHistoryTableTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static List<TrafficChangeView> Changes(int count) =>
    [
        .. Enumerable.Range(0, count).Select(i => new TrafficChangeView(
            Guid.NewGuid(), 0, i, i + 1, i == count - 1 ? TrafficChangeStatus.Failed : TrafficChangeStatus.Applied, TrafficChangeSource.Ui, "alice", T0.AddMinutes(i), $"step {i}",
            T0.AddMinutes(i).AddSeconds(1), i == count - 1 ? null : i + 1, i == count - 1 ? "Permission denied." : null)),
    ];

    [Fact]
    public async Task History_ShowsTheNewestFirstWithTheRoutersWords()
    {
        await using var host = new LiveDashboardTestHost();

        var table = host.Context.Render<TrafficHistoryTable>(p => p.Add(t => t.Changes, Changes(3)));

        var rows = table.FindAll("[data-testid=traffic-change]");
        Assert.Equal(["Failed", "Applied", "Applied"], [.. rows.Select(r => r.GetAttribute("data-status") ?? "")]);
        Assert.Contains("Permission denied.", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("2 % → 3 %", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Empty(table.FindAll("[data-testid=traffic-history-pager]"));
        Assert.Contains("rollout page", rows[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_LongerThanAPage_ShowsTheNewestPageAndPagesToOlderOnes()
    {
        await using var host = new LiveDashboardTestHost();
        var changes = Changes(HistoryPager.DefaultPageSize + 5);

        var table = host.Context.Render<TrafficHistoryTable>(p => p.Add(t => t.Changes, changes));

        Assert.Equal(HistoryPager.DefaultPageSize, table.FindAll("[data-testid=traffic-change]").Count);
        Assert.Contains($"step {changes.Count - 1}", table.FindAll("[data-testid=traffic-change]")[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("1–10 of 15, newest first", table.Find("[data-testid=traffic-history-range]").TextContent);
        table.Find("button[data-testid=traffic-history-older]").Click();
        Assert.Equal(5, table.FindAll("[data-testid=traffic-change]").Count);
        Assert.Contains("step 4", table.FindAll("[data-testid=traffic-change]")[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("11–15 of 15, newest first", table.Find("[data-testid=traffic-history-range]").TextContent);
    }
}
