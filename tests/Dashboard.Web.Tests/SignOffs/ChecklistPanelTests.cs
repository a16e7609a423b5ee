using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.SignOffs.Components;

namespace Dashboard.Web.Tests.SignOffs;

/// <summary>The checklist panel on a real SQLite state store and the real gate service.</summary>
public sealed class ChecklistPanelTests
{
    [Fact]
    public async Task Operator_TicksAndUnticksAnItem_EachIsStoredAndShownWithWhoAndWhen()
    {
        await using var host = await SignOffTestHost.CreateAsync("olga", WarRoomRole.Operator);
        var id = await host.StartedRolloutAsync();
        var panel = host.Context.Render<ChecklistPanel>(p => p.Add(x => x.RolloutId, id));
        Assert.Contains("0 of 6 ticked", panel.Find("[data-testid=checklist-panel]").TextContent, StringComparison.Ordinal);

        panel.Find("[data-testid=checklist-item-rollback-verified]").Change(true);

        panel.WaitForAssertion(() => Assert.Equal("true", panel.Find("[data-testid=checklist-row-rollback-verified]").GetAttribute("data-ticked")));
        Assert.StartsWith("ticked by olga", panel.Find("[data-testid=checklist-who-rollback-verified]").TextContent, StringComparison.Ordinal);
        Assert.Contains("1 of 6 ticked", panel.Find("[data-testid=checklist-panel]").TextContent, StringComparison.Ordinal);
        Assert.True((await host.Gates.GetAsync(id, 0)).Value!.Checklist!.Items.Single(i => i.Id == "rollback-verified").Ticked);

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        panel.Find("[data-testid=checklist-item-rollback-verified]").Change(false);

        panel.WaitForAssertion(() => Assert.Equal("false", panel.Find("[data-testid=checklist-row-rollback-verified]").GetAttribute("data-ticked")));
        Assert.StartsWith("un-ticked by olga", panel.Find("[data-testid=checklist-who-rollback-verified]").TextContent, StringComparison.Ordinal);
        Assert.False((await host.Gates.GetAsync(id, 0)).Value!.Checklist!.Items.Single(i => i.Id == "rollback-verified").Ticked);
    }

    [Fact]
    public async Task Viewer_SeesEveryItemWithItsTick_ButEveryCheckboxIsDisabled()
    {
        await using var host = await SignOffTestHost.CreateAsync("vera", WarRoomRole.Viewer);
        var id = await host.StartedRolloutAsync();
        await host.Gates.TickAsync(id, 0, "canary-stable", true, SignOffTestHost.Operator);

        var panel = host.Context.Render<ChecklistPanel>(p => p.Add(x => x.RolloutId, id));

        var boxes = panel.FindAll("input[data-testid^=checklist-item-]");
        Assert.Equal(6, boxes.Count);
        Assert.All(boxes, box => Assert.True(box.HasAttribute("disabled")));
        Assert.Equal("true", panel.Find("[data-testid=checklist-row-canary-stable]").GetAttribute("data-ticked"));
        Assert.Contains("needs the Operator role or a lead role", panel.Find("[data-testid=checklist-read-only]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Panel_UpdatesLive_WhenSomeoneElseTicks()
    {
        await using var host = await SignOffTestHost.CreateAsync("erin", WarRoomRole.EngineeringLead);
        var id = await host.StartedRolloutAsync();
        var panel = host.Context.Render<ChecklistPanel>(p => p.Add(x => x.RolloutId, id));

        await host.Gates.TickAsync(id, 0, "on-call-confirmed", true, SignOffTestHost.Operator);

        panel.WaitForAssertion(() => Assert.Equal("true", panel.Find("[data-testid=checklist-row-on-call-confirmed]").GetAttribute("data-ticked")));
        Assert.False(panel.Find("[data-testid=checklist-item-on-call-confirmed]").HasAttribute("disabled"));
    }
}
