using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Health;
using Dashboard.Web.Features.Health.Components;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;

namespace Dashboard.Web.Tests.Health;

/// <summary>
/// The net around every page's body (docs/high-availability.md, "PostgreSQL is down"): a read that meets an unreachable
/// state store — while a page loads, or in a click — shows a notice instead of ending the circuit, and the page loads
/// again by itself once the store answers. Any other failure still ends the circuit.
/// </summary>
public sealed class StateStoreOutageBoundaryTests
{
    [Fact]
    public async Task PageOpenedWhileTheStoreIsAway_ShowsTheNotice_AndLoadsByItselfOnceTheStoreAnswers()
    {
        await using var host = await AppTestHost.CreateAsync();
        await host.StartRolloutAsync();

        host.LoseStateStore();
        var boundary = host.Context.Render<StateStoreOutageBoundary>(p => p.AddChildContent<RolloutCount>());

        Assert.Contains("could not read the state store", boundary.Find("[data-testid=state-store-outage]").TextContent, StringComparison.Ordinal);
        Assert.Empty(boundary.FindAll("[data-testid=rollout-count]"));

        host.BringBackStateStore();
        host.Clock.Advance(DependencyWatch.Interval);

        boundary.WaitForAssertion(() => Assert.Equal("1 rollout", boundary.Find("[data-testid=rollout-count]").TextContent));
        Assert.Empty(boundary.FindAll("[data-testid=state-store-outage]"));
    }

    [Fact]
    public async Task ClickThatReadsWhileTheStoreIsAway_ShowsTheNotice_AndTryAgainLoadsThePageOnceItAnswers()
    {
        await using var host = await AppTestHost.CreateAsync();
        await host.StartRolloutAsync();
        var boundary = host.Context.Render<StateStoreOutageBoundary>(p => p.AddChildContent<RolloutCount>());
        boundary.WaitForAssertion(() => Assert.Equal("1 rollout", boundary.Find("[data-testid=rollout-count]").TextContent));

        host.LoseStateStore();
        boundary.Find("button[data-testid=read-again]").Click();

        boundary.WaitForElement("[data-testid=state-store-outage]");
        host.BringBackStateStore();
        boundary.Find("button[data-testid=state-store-outage-retry]").Click();
        boundary.WaitForAssertion(() => Assert.Equal("1 rollout", boundary.Find("[data-testid=rollout-count]").TextContent));
    }

    [Fact]
    public async Task StoreStillAwayWhenRetried_TheNoticeStays()
    {
        await using var host = await AppTestHost.CreateAsync();
        host.LoseStateStore();
        var boundary = host.Context.Render<StateStoreOutageBoundary>(p => p.AddChildContent<RolloutCount>());

        host.Clock.Advance(DependencyWatch.Interval);
        boundary.WaitForElement("button[data-testid=state-store-outage-retry]").Click();

        boundary.WaitForElement("[data-testid=state-store-outage]");
        Assert.Empty(boundary.FindAll("[data-testid=rollout-count]"));
    }

    [Fact]
    public async Task OnTheWarRoomTv_TheNoticeHasNoButton()
    {
        await using var host = await AppTestHost.CreateAsync();
        host.LoseStateStore();

        var boundary = host.Context.Render<StateStoreOutageBoundary>(p => p.Add(b => b.ReadOnly, true).AddChildContent<RolloutCount>());

        boundary.Find("[data-testid=state-store-outage]");
        Assert.Empty(boundary.FindAll("button"));
    }

    [Fact]
    public async Task AnyOtherFailure_IsNotCaught()
    {
        await using var host = await AppTestHost.CreateAsync();

        var thrown = Assert.Throws<InvalidOperationException>(() => host.Context.Render<StateStoreOutageBoundary>(p => p.AddChildContent<FailsOtherwise>()));

        Assert.Equal("a defect, not an outage", thrown.Message);
    }

    /// <summary>A page that reads the state store as it loads and when its button is clicked.</summary>
    private sealed class RolloutCount : ComponentBase
    {
        private int _count;

        [Inject]
        public required RolloutStore Rollouts { get; init; }

        protected override async Task OnInitializedAsync() => await ReadAsync();

        private async Task ReadAsync() => _count = (await Rollouts.ListAsync()).Count;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "span");
            builder.AddAttribute(1, "data-testid", "rollout-count");
            builder.AddContent(2, _count == 1 ? "1 rollout" : $"{_count} rollouts");
            builder.CloseElement();
            builder.OpenElement(3, "button");
            builder.AddAttribute(4, "data-testid", "read-again");
            builder.AddAttribute(5, "onclick", EventCallback.Factory.Create<MouseEventArgs>(this, ReadAsync));
            builder.CloseElement();
        }
    }

    /// <summary>A page with a defect.</summary>
    private sealed class FailsOtherwise : ComponentBase
    {
        protected override void OnInitialized() => throw new InvalidOperationException("a defect, not an outage");
    }
}
