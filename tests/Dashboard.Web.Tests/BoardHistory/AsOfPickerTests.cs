using Dashboard.Infrastructure.Persistence.Access;
using Dashboard.Web.Features.BoardHistory.Components;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Tests.BoardHistory;

/// <summary>
/// The board-at-T picker takes and shows the time in the zone the viewer reads times in, names that zone, links
/// to the UTC moment, and refuses a time it cannot show in words (docs/board-history.md).
/// </summary>
public sealed class AsOfPickerTests
{
    private static readonly DateTimeOffset HalfPast = AppTestHost.T0.AddMinutes(30);

    [Fact]
    public async Task Picker_ForAViewerInBerlin_ShowsTInBerlin_AndLinksTheTypedBerlinTimeAsUtc()
    {
        await using var host = await HostAsync("Europe/Berlin", now: AppTestHost.T0.AddHours(1));
        var banner = Render(host);

        banner.WaitForAssertion(() => Assert.Equal("Europe/Berlin", banner.Find("[data-testid=as-of-zone]").TextContent));
        Assert.Equal("2026-11-23T13:30:00", banner.Find("[data-testid=as-of-input]").GetAttribute("value"));

        banner.Find("[data-testid=as-of-input]").Change("2026-11-23T12:50");
        banner.Find("[data-testid=as-of-picker]").Submit();

        Assert.EndsWith("?at=2026-11-23T11%3A50%3A00Z", host.Get<NavigationManager>().Uri, StringComparison.Ordinal);
        Assert.Empty(banner.FindAll("[data-testid=field-problem]"));
    }

    [Fact]
    public async Task Picker_ForAViewerWithoutLocalTime_TakesAndShowsUtc()
    {
        await using var host = await HostAsync(zone: null, now: AppTestHost.T0.AddHours(1));
        var banner = Render(host);

        banner.WaitForAssertion(() => Assert.Equal("UTC", banner.Find("[data-testid=as-of-zone]").TextContent));
        Assert.Equal("2026-11-23T12:30:00", banner.Find("[data-testid=as-of-input]").GetAttribute("value"));

        banner.Find("[data-testid=as-of-input]").Change("2026-11-23T12:50:30");
        banner.Find("[data-testid=as-of-picker]").Submit();

        Assert.EndsWith("?at=2026-11-23T12%3A50%3A30Z", host.Get<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-23T13:30", "Nov 23 13:30:00 Europe/Berlin (Nov 23 12:30:00 UTC) is in the future: a board can only be shown as it was.")]
    [InlineData("23/11/2026 12:00", "'23/11/2026 12:00' is not a date and time: write it as 2026-11-02T03:12 or 2026-11-02T03:12:30 (Europe/Berlin).")]
    [InlineData("", "Pick a date and time (Europe/Berlin) to show the board then.")]
    [InlineData("2026-03-29T02:30", "Mar 29 02:30:00 Europe/Berlin did not happen: the clocks skipped it. Pick a time outside that hour.")]
    [InlineData("2026-10-25T02:30", "Oct 25 02:30:00 Europe/Berlin happened twice: the clocks went back. Pick a time outside that hour, or give the address ?at= with its offset.")]
    public async Task Picker_ATimeItCannotShow_SaysWhyAndStaysWhereItIs(string typed, string problem)
    {
        // Now is 12:00 UTC, 13:00 in Berlin: 13:30 Berlin is half an hour ahead.
        await using var host = await HostAsync("Europe/Berlin", now: AppTestHost.T0);
        var before = host.Get<NavigationManager>().Uri;
        var banner = Render(host, at: AppTestHost.T0.AddMinutes(-30));
        banner.WaitForAssertion(() => Assert.Equal("Europe/Berlin", banner.Find("[data-testid=as-of-zone]").TextContent));

        banner.Find("[data-testid=as-of-input]").Change(typed);
        banner.Find("[data-testid=as-of-picker]").Submit();

        Assert.Equal(problem, banner.Find("[data-testid=field-problem]").TextContent.Trim());
        Assert.Equal(before, host.Get<NavigationManager>().Uri);
    }

    private static IRenderedComponent<AsOfBanner> Render(AppTestHost host, DateTimeOffset? at = null) =>
        host.Context.Render<AsOfBanner>(p => p.Add(b => b.At, at ?? HalfPast));

    // The circuit is alice's; her local-time setting is the zone, or none.
    private static async Task<AppTestHost> HostAsync(string? zone, DateTimeOffset now)
    {
        var host = await AppTestHost.CreateAsync(now: now);
        Assert.NotNull(await host.Get<PeopleStore>().CreateAsync(new PersonDraft("alice", "Alice", null, "Operator"), "test"));
        if (zone is not null)
        {
            Assert.True(await host.Get<PersonTimeZoneStore>().WriteAsync("alice", zone));
        }

        return host;
    }
}
