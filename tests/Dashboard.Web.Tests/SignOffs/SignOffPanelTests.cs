using AngleSharp.Dom;
using Dashboard.Core.Plans;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.SignOffs.Components;
using MudBlazor;

namespace Dashboard.Web.Tests.SignOffs;

/// <summary>The sign-off panel and its dialog on a real SQLite state store and the real gate service.</summary>
public sealed class SignOffPanelTests
{
    private static IElement Comment(IRenderedComponent<MudDialogProvider> provider)
    {
        var marked = provider.Find("[data-testid=signoff-comment]");
        return marked.LocalName is "input" or "textarea" ? marked : marked.QuerySelector("input, textarea")!;
    }

    [Fact]
    public async Task Panel_ShowsEveryRequiredRoleWaiting_ThenEachLatestWordAsItIsSaved()
    {
        await using var host = await SignOffTestHost.CreateAsync("vera", WarRoomRole.Viewer);
        var id = await host.StartedRolloutAsync();
        var panel = host.Context.Render<SignOffPanel>(p => p.Add(x => x.RolloutId, id));
        Assert.Equal(["waiting", "waiting"], panel.FindAll("[data-testid^=signoff-role-]").Select(r => r.GetAttribute("data-decision")));
        Assert.Contains("waiting for engineering lead, operations lead", panel.Find("[data-testid=gate-summary]").TextContent, StringComparison.Ordinal);

        await host.SignAsync(id, SignOffTestHost.EngineeringLead, SignOffRole.EngineeringLead, "GO", "error rate flat at 0.2 %");

        panel.WaitForAssertion(() => Assert.Equal("GO", panel.Find("[data-testid=signoff-role-EngineeringLead]").GetAttribute("data-decision")));
        var row = panel.Find("[data-testid=signoff-role-EngineeringLead]").TextContent;
        Assert.Contains("erin", row, StringComparison.Ordinal);
        Assert.Contains("error rate flat at 0.2 %", row, StringComparison.Ordinal);
        Assert.Contains("UTC", row, StringComparison.Ordinal);
        Assert.Equal("waiting", panel.Find("[data-testid=signoff-role-OperationsLead]").GetAttribute("data-decision"));
        Assert.Empty(panel.FindAll("button"));
    }

    [Fact]
    public async Task Panel_OffersGoAndNoGoOnlyForTheRolesTheViewerHolds()
    {
        await using var host = await SignOffTestHost.CreateAsync("erin", WarRoomRole.EngineeringLead);
        var id = await host.StartedRolloutAsync();

        var panel = host.Context.Render<SignOffPanel>(p => p.Add(x => x.RolloutId, id));

        Assert.NotNull(panel.Find("[data-testid=signoff-go-EngineeringLead]"));
        Assert.NotNull(panel.Find("[data-testid=signoff-nogo-EngineeringLead]"));
        Assert.Empty(panel.FindAll("[data-testid=signoff-go-OperationsLead]"));
        Assert.Empty(panel.FindAll("[data-testid=signoff-nogo-OperationsLead]"));
    }

    [Fact]
    public async Task GoThroughTheDialog_RecordsTheSignOffUnderTheSignedInLead_AndThePanelShowsIt()
    {
        await using var host = await SignOffTestHost.CreateAsync("erin", WarRoomRole.EngineeringLead);
        var id = await host.StartedRolloutAsync();
        var provider = host.Context.Render<MudDialogProvider>();
        var panel = host.Context.Render<SignOffPanel>(p => p.Add(x => x.RolloutId, id));

        panel.Find("[data-testid=signoff-go-EngineeringLead]").Click();
        var confirm = () => provider.Find("[data-testid=signoff-confirm]");
        Assert.True(confirm().HasAttribute("disabled"));
        Comment(provider).Input("error rate flat, no new exceptions");
        Assert.False(confirm().HasAttribute("disabled"));
        await confirm().ClickAsync(new());

        var stored = Assert.Single((await host.Gates.GetAsync(id, 0)).Value!.SignOffs);
        Assert.Equal(("EngineeringLead", "GO", "erin", "error rate flat, no new exceptions"), (stored.Role, stored.Decision, stored.By, stored.Comment));
        panel.WaitForAssertion(() => Assert.Equal("GO", panel.Find("[data-testid=signoff-role-EngineeringLead]").GetAttribute("data-decision")));
        Assert.Empty(provider.FindAll("[data-testid=signoff-dialog]"));
    }

    [Theory]
    [InlineData("   ", "a NO-GO needs a comment: say why, so the others know what blocks the gate")]
    [InlineData(null, "comment is longer than 2000 characters (2001)")]
    public async Task NoGoDialog_WhitespaceOrTooLongComment_ErrorBesideTheFieldAndNothingIsRecorded(string? typed, string error)
    {
        await using var host = await SignOffTestHost.CreateAsync("erin", WarRoomRole.EngineeringLead);
        var id = await host.StartedRolloutAsync();
        var provider = host.Context.Render<MudDialogProvider>();
        var panel = host.Context.Render<SignOffPanel>(p => p.Add(x => x.RolloutId, id));
        panel.Find("[data-testid=signoff-nogo-EngineeringLead]").Click();

        Comment(provider).Input(typed ?? new string('c', 2001));

        Assert.Equal(error, Dashboard.Web.Tests.TestSupport.DialogFields.FieldError(provider, "signoff-comment"));
        var confirm = provider.Find("[data-testid=signoff-confirm]");
        Assert.True(confirm.HasAttribute("disabled"));
        await confirm.ClickAsync(new());
        Assert.Empty((await host.Gates.GetAsync(id, 0)).Value!.SignOffs);
    }

    [Fact]
    public async Task NoGoThroughTheDialog_BlocksTheGate_AndTheSummaryNamesWhoAndWhy()
    {
        await using var host = await SignOffTestHost.CreateAsync("oscar", WarRoomRole.OperationsLead);
        var id = await host.StartedRolloutAsync();
        await host.RequestSignOffAsync(id);
        var provider = host.Context.Render<MudDialogProvider>();
        var panel = host.Context.Render<SignOffPanel>(p => p.Add(x => x.RolloutId, id));

        panel.Find("[data-testid=signoff-nogo-OperationsLead]").Click();
        Comment(provider).Input("p99 at 180 ms in eu-west");
        await provider.Find("[data-testid=signoff-confirm]").ClickAsync(new());

        panel.WaitForAssertion(() => Assert.Equal("NO-GO", panel.Find("[data-testid=signoff-role-OperationsLead]").GetAttribute("data-decision")));
        Assert.Contains("NO-GO from oscar (operations lead): p99 at 180 ms in eu-west", panel.Find("[data-testid=gate-summary]").TextContent, StringComparison.Ordinal);
        Assert.Equal("false", panel.Find("[data-testid=signoff-panel]").GetAttribute("data-open"));
    }

    [Fact]
    public async Task LastGoFromThePanel_OpensTheGate_AndThePanelMovesOnToTheNextPhase()
    {
        await using var host = await SignOffTestHost.CreateAsync("oscar", WarRoomRole.OperationsLead);
        var id = await host.StartedRolloutAsync();
        await host.RequestSignOffAsync(id);
        await host.TickEveryItemAsync(id);
        await host.SignAsync(id, SignOffTestHost.EngineeringLead, SignOffRole.EngineeringLead, "GO", "error rate flat");
        var provider = host.Context.Render<MudDialogProvider>();
        var panel = host.Context.Render<SignOffPanel>(p => p.Add(x => x.RolloutId, id));

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        panel.Find("[data-testid=signoff-go-OperationsLead]").Click();
        Comment(provider).Input("p99 fine everywhere");
        await provider.Find("[data-testid=signoff-confirm]").ClickAsync(new());

        panel.WaitForAssertion(() => Assert.Contains("phase ramp", panel.Find("[data-testid=signoff-panel]").TextContent, StringComparison.Ordinal));
        Assert.Contains("advances by itself", panel.Find("[data-testid=gate-summary]").TextContent, StringComparison.Ordinal);
        Assert.Equal(1, (await host.LoadAsync(id)).CurrentPhaseIndex);
    }

    [Fact]
    public async Task ReadOnly_ShowsTheGateOfTheRolloutOfRecord_WithoutAnyButton()
    {
        await using var host = await SignOffTestHost.CreateAsync("erin", WarRoomRole.EngineeringLead);
        var id = await host.StartedRolloutAsync();
        await host.SignAsync(id, SignOffTestHost.OperationsLead, SignOffRole.OperationsLead, "NO-GO", "p99 too high");

        var panel = host.Context.Render<SignOffPanel>(p => p.Add(x => x.ReadOnly, true));

        Assert.Equal("NO-GO", panel.Find("[data-testid=signoff-role-OperationsLead]").GetAttribute("data-decision"));
        Assert.Contains("NO-GO from oscar (operations lead): p99 too high", panel.Find("[data-testid=gate-summary]").TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("button"));
        Assert.Contains("signoff-panel--kiosk", panel.Find("[data-testid=signoff-panel]").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoAndNoGoButtons_NameTheRoleTheyAreFor()
    {
        await using var host = await SignOffTestHost.CreateAsync("erin", WarRoomRole.EngineeringLead);
        var id = await host.StartedRolloutAsync();

        var panel = host.Context.Render<SignOffPanel>(p => p.Add(x => x.RolloutId, id));

        Assert.Equal("GO as Engineering lead…", panel.Find("[data-testid=signoff-go-EngineeringLead]").TextContent.Trim());
        Assert.Equal("NO-GO as Engineering lead…", panel.Find("[data-testid=signoff-nogo-EngineeringLead]").TextContent.Trim());
        Assert.Empty(panel.FindAll("[data-testid=signoff-panel] table"));
    }

    [Fact]
    public async Task RolledBackRollout_GateSaysNoSignOffIsNeeded_NotClosedInRed_AndOffersNoButtons()
    {
        await using var host = await SignOffTestHost.CreateAsync("erin", WarRoomRole.EngineeringLead);
        var id = await host.StartedRolloutAsync();
        await host.SignAsync(id, SignOffTestHost.OperationsLead, SignOffRole.OperationsLead, "NO-GO", "p99 too high");
        await host.RollBackAsync(id);

        var panel = host.Context.Render<SignOffPanel>(p => p.Add(x => x.RolloutId, id));

        var summary = panel.Find("[data-testid=gate-summary]");
        Assert.Equal("No sign-off needed: the rollout was rolled back in phase canary.", summary.TextContent.Trim());
        Assert.Contains("verdict-nodata", summary.ClassName, StringComparison.Ordinal);
        Assert.DoesNotContain("verdict-fail", summary.ClassName, StringComparison.Ordinal);
        Assert.Equal("NO-GO", panel.Find("[data-testid=signoff-role-OperationsLead]").GetAttribute("data-decision"));
        Assert.Empty(panel.FindAll("button"));
        Assert.Empty(panel.FindAll("[data-testid=signoff-closed-note]"));
    }
}
