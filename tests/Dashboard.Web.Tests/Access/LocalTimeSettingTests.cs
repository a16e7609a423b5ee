using System.Security.Claims;
using Dashboard.Core.Metrics;
using Dashboard.Infrastructure.Persistence.Access;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Access.Components;
using Dashboard.Web.Shared.Charts;
using Dashboard.Web.Shared.Components;
using Dashboard.Web.Shared.Time;
using Dashboard.Web.Tests.Shared;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Dashboard.Web.Tests.Access;

public sealed class LocalTimeSettingTests
{
    private static readonly DateTimeOffset T0 = AppTestHost.T0;

    [Fact]
    public async Task Toggle_On_KeepsTheBrowsersZoneWithThePersonAndShowsLocalTimeBesideUtc()
    {
        await using var host = await HostWithAliceAsync();
        host.Context.JSInterop.Setup<string?>(LocalTimeSetting.BrowserZoneFunction).SetResult("Europe/Berlin");
        var page = host.Context.Render<Page>();
        Assert.Equal("Nov 23 12:00:00 UTC", page.Find("[data-testid=time-text]").TextContent);

        page.Find("[data-testid=local-time-toggle]").Change(true);

        page.WaitForAssertion(() => Assert.Equal("Nov 23 12:00:00 UTC (13:00:00 Europe/Berlin)", page.Find("[data-testid=time-text]").TextContent));
        Assert.Equal("Europe/Berlin", await host.Get<PersonTimeZoneStore>().ReadAsync("alice"));
        Assert.Contains("Local time (Europe/Berlin)", page.Find("[data-testid=local-time-setting]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Toggle_Off_ShowsUtcOnlyAgainAndForgetsTheZone()
    {
        await using var host = await HostWithAliceAsync("Europe/Berlin");
        var page = host.Context.Render<Page>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=time-text-local]")));

        page.Find("[data-testid=local-time-toggle]").Change(false);

        page.WaitForAssertion(() => Assert.Equal("Nov 23 12:00:00 UTC", page.Find("[data-testid=time-text]").TextContent));
        Assert.Null(await host.Get<PersonTimeZoneStore>().ReadAsync("alice"));
    }

    [Fact]
    public async Task Chart_ForAPersonWithLocalTime_LabelsTheAxisInBothAndSaysWhich()
    {
        await using var host = await HostWithAliceAsync("Europe/Berlin");

        var chart = TimeChartTests.Render(host, [new ChartLine(Cohort.Canary, [new SeriesPoint(T0, 0.3), new SeriesPoint(T0.AddMinutes(1), 0.4)])]);

        chart.WaitForAssertion(() => Assert.Equal("Time (UTC; Europe/Berlin below)", chart.Find("[data-testid=chart-x-title]").TextContent));
        Assert.Equal(["12:00", "12:02", "12:04", "12:06", "12:08", "12:10"], chart.FindAll("[data-testid=chart-x-label]").Select(l => l.TextContent));
        Assert.Equal(["13:00", "13:02", "13:04", "13:06", "13:08", "13:10"], chart.FindAll("[data-testid=chart-x-local]").Select(l => l.TextContent));
        Assert.StartsWith("Nov 23 12:00:00 UTC (13:00:00 Europe/Berlin) · Canary 0.3 %", chart.Instance.HoverTextAt(0), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setting_OnAKioskScreen_IsNotOfferedAndTimesStayUtc()
    {
        // Even a person named as the screen's actor with a zone set: the screen is not that person.
        await using var host = await AppTestHost.CreateAsync();
        var screen = Actor.Kiosk("tv-1").Name;
        Assert.NotNull(await host.Get<PeopleStore>().CreateAsync(new PersonDraft(screen, "TV", null, "Operator"), "test"));
        Assert.True(await host.Get<PersonTimeZoneStore>().WriteAsync(screen, "Europe/Berlin"));
        host.Authorization.SetAuthorized("tv-1");
        host.Authorization.SetClaims(new Claim(WarRoomClaims.Kind, nameof(ActorKind.Kiosk)));

        var page = host.Context.Render<Page>();

        Assert.False((await host.Get<ITimeDisplaySource>().ReadAsync()).ShowsLocal);
        Assert.Empty(page.FindAll("[data-testid=local-time-setting]"));
        Assert.Equal("Nov 23 12:00:00 UTC", page.Find("[data-testid=time-text]").TextContent);
    }

    [Fact]
    public async Task Choose_AnUnknownZone_IsRefusedNotReplaced()
    {
        await using var host = await HostWithAliceAsync();
        host.Context.JSInterop.Setup<string?>(LocalTimeSetting.BrowserZoneFunction).SetResult("Mars/Olympus_Mons");
        var page = host.Context.Render<Page>();

        page.Find("[data-testid=local-time-toggle]").Change(true);

        page.WaitForAssertion(() => Assert.Equal(
            "The time zone 'Mars/Olympus_Mons' is not known to the server; times stay in UTC.", page.Find("[data-testid=local-time-problem]").TextContent));
        Assert.Null(await host.Get<PersonTimeZoneStore>().ReadAsync("alice"));
    }

    private static async Task<AppTestHost> HostWithAliceAsync(string? zone = null)
    {
        var host = await AppTestHost.CreateAsync();
        Assert.NotNull(await host.Get<PeopleStore>().CreateAsync(new PersonDraft("alice", "Alice", null, "Operator"), "test"));
        if (zone is not null)
        {
            Assert.True(await host.Get<PersonTimeZoneStore>().WriteAsync("alice", zone));
        }

        return host;
    }

    /// <summary>The user menu's setting beside a timestamp, as on a page.</summary>
    private sealed class Page : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<LocalTimeSetting>(0);
            builder.CloseComponent();
            builder.OpenComponent<TimeText>(1);
            builder.AddComponentParameter(2, nameof(TimeText.At), T0);
            builder.CloseComponent();
        }
    }
}
