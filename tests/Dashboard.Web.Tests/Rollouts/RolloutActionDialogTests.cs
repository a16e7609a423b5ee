using Dashboard.Core.Rollouts;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Features.Rollouts.Components;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static Dashboard.Web.Tests.TestSupport.DialogFields;

namespace Dashboard.Web.Tests.Rollouts;

public sealed class RolloutActionDialogTests
{
    private sealed record OpenDialog(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Reference, List<ActionInput> Submitted);

    private static async Task<OpenDialog> OpenAsync(
        LiveDashboardTestHost host, RolloutView rollout, RolloutAction action, string? answer = null)
    {
        host.Context.SetRendererInfo(RendererModes.Interactive);
        host.Context.Render<MudPopoverProvider>();
        var provider = host.Context.Render<MudDialogProvider>();
        var submitted = new List<ActionInput>();
        var parameters = new DialogParameters<RolloutActionDialog>
        {
            { d => d.Rollout, rollout },
            { d => d.Action, action },
            {
                d => d.Submit, input =>
                {
                    submitted.Add(input);
                    return Task.FromResult(answer);
                }
            },
        };
        var dialogs = host.Context.Services.GetRequiredService<IDialogService>();
        var reference = await provider.InvokeAsync(() => dialogs.ShowAsync<RolloutActionDialog>("Confirm", parameters));
        provider.WaitForElement("button[data-testid=confirm-action]");
        return new OpenDialog(provider, reference, submitted);
    }

    private static bool ConfirmEnabled(IRenderedComponent<MudDialogProvider> provider) =>
        !provider.Find("button[data-testid=confirm-action]").HasAttribute("disabled");

    private static string[] TrafficLine(IRenderedComponent<MudDialogProvider> provider)
    {
        var line = provider.FindAll("[data-testid=change-line]").Single(row => row.TextContent.Contains("Canary traffic", StringComparison.Ordinal));
        return [line.QuerySelector("[data-testid=change-from]")!.TextContent, line.QuerySelector("[data-testid=change-to]")!.TextContent];
    }

    [Fact]
    public async Task Confirm_IsDisabledUntilAReasonIsFilled()
    {
        await using var host = new LiveDashboardTestHost();
        var dialog = await OpenAsync(host, RolloutViews.View(RolloutViews.Started()), RolloutAction.Hold);
        Assert.False(ConfirmEnabled(dialog.Provider));

        Field(dialog.Provider, "reason-input").Input("error spike in EU");
        Assert.True(ConfirmEnabled(dialog.Provider));

        Field(dialog.Provider, "reason-input").Input("   ");
        Assert.False(ConfirmEnabled(dialog.Provider));
    }

    [Theory]
    [InlineData("150", "must be between 0 and 100 (not 150)")]
    [InlineData("-3", "must be between 0 and 100 (not -3)")]
    [InlineData("abc", "'abc' is not a whole number between 0 and 100")]
    [InlineData("12.5", "'12.5' is not a whole number between 0 and 100")]
    [InlineData("", "required: a whole number between 0 and 100")]
    public async Task ChangeTraffic_RefusedPercent_ErrorBesideTheFieldNoPreviewAndNothingSent(string typed, string error)
    {
        await using var host = new LiveDashboardTestHost();
        var dialog = await OpenAsync(host, RolloutViews.View(RolloutViews.Started()), RolloutAction.ChangeTraffic);
        Field(dialog.Provider, "reason-input").Input("more traffic");
        Assert.True(ConfirmEnabled(dialog.Provider));

        Field(dialog.Provider, "percent-input").Input(typed);

        Assert.Equal(error, FieldError(dialog.Provider, "percent-input"));
        Assert.False(ConfirmEnabled(dialog.Provider));
        Assert.Empty(dialog.Provider.FindAll("[data-testid=change-preview]"));
        Assert.NotEmpty(dialog.Provider.FindAll("[data-testid=preview-withheld]"));
        Assert.Equal(typed, Field(dialog.Provider, "percent-input").GetAttribute("value") ?? string.Empty);
        await dialog.Provider.Find("button[data-testid=confirm-action]").ClickAsync(new());
        Assert.Empty(dialog.Submitted);
        Assert.False(dialog.Reference.Result.IsCompleted);
    }

    [Fact]
    public async Task ChangeTraffic_RefusedThenCorrected_ShowsThePreviewAndSendsExactlyWhatWasTyped()
    {
        await using var host = new LiveDashboardTestHost();
        var dialog = await OpenAsync(host, RolloutViews.View(RolloutViews.Started()), RolloutAction.ChangeTraffic);
        Field(dialog.Provider, "reason-input").Input("more traffic");
        Field(dialog.Provider, "percent-input").Input("150");

        Field(dialog.Provider, "percent-input").Input("100");

        Assert.Null(FieldError(dialog.Provider, "percent-input"));
        Assert.Equal(["1 % (baseline 99 %)", "100 % (baseline 0 %)"], TrafficLine(dialog.Provider));
        await dialog.Provider.Find("button[data-testid=confirm-action]").ClickAsync(new());
        Assert.Equal(new ActionInput("more traffic", 100), Assert.Single(dialog.Submitted));
    }

    [Theory]
    [InlineData("   ", "a reason is required: say why")]
    [InlineData(null, "must be at most 2000 characters (this is 2001)")]
    public async Task Reason_WhitespaceOrTooLong_ErrorBesideTheFieldAndConfirmDisabled(string? typed, string error)
    {
        await using var host = new LiveDashboardTestHost();
        var dialog = await OpenAsync(host, RolloutViews.View(RolloutViews.Started()), RolloutAction.Hold);

        Field(dialog.Provider, "reason-input").Input(typed ?? new string('x', 2001));

        Assert.Equal(error, FieldError(dialog.Provider, "reason-input"));
        Assert.False(ConfirmEnabled(dialog.Provider));
        await dialog.Provider.Find("button[data-testid=confirm-action]").ClickAsync(new());
        Assert.Empty(dialog.Submitted);
    }

    [Fact]
    public async Task ChangeTraffic_FromToLineFollowsTheTypedPercent()
    {
        await using var host = new LiveDashboardTestHost();
        var dialog = await OpenAsync(host, RolloutViews.View(RolloutViews.Started()), RolloutAction.ChangeTraffic);
        Assert.Equal(["1 % (baseline 99 %)", "1 % (baseline 99 %)"], TrafficLine(dialog.Provider));

        Field(dialog.Provider, "percent-input").Input("25");

        Assert.Equal(["1 % (baseline 99 %)", "25 % (baseline 75 %)"], TrafficLine(dialog.Provider));
    }

    [Fact]
    public async Task Confirm_SubmitReturnsAnError_KeepsTheDialogOpenWithTheError()
    {
        await using var host = new LiveDashboardTestHost();
        var dialog = await OpenAsync(
            host, RolloutViews.View(RolloutViews.Started()), RolloutAction.ChangeTraffic, answer: "The router refused: Permission denied");
        Field(dialog.Provider, "percent-input").Input("10");
        Field(dialog.Provider, "reason-input").Input("  ramp early  ");

        dialog.Provider.Find("button[data-testid=confirm-action]").Click();

        Assert.Equal(new ActionInput("ramp early", 10), Assert.Single(dialog.Submitted));
        var error = dialog.Provider.WaitForElement("[data-testid=dialog-error]");
        Assert.Contains("The router refused: Permission denied", error.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(dialog.Provider.FindAll("button[data-testid=confirm-action]"));
        Assert.False(dialog.Reference.Result.IsCompleted);
    }

    [Fact]
    public async Task Confirm_SubmitSucceeds_ClosesTheDialog()
    {
        await using var host = new LiveDashboardTestHost();
        var dialog = await OpenAsync(host, RolloutViews.View(RolloutViews.Started()), RolloutAction.Hold, answer: null);
        Field(dialog.Provider, "reason-input").Input("looking at a spike");

        dialog.Provider.Find("button[data-testid=confirm-action]").Click();

        var result = await dialog.Reference.Result.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(result!.Canceled);
        Assert.Equal(new ActionInput("looking at a spike", null), Assert.Single(dialog.Submitted));
        dialog.Provider.WaitForAssertion(() => Assert.Empty(dialog.Provider.FindAll("button[data-testid=confirm-action]")));
    }

    [Fact]
    public async Task Dialog_SaysItActsAsTheSignedInPersonAndAsksNoName()
    {
        await using var host = new LiveDashboardTestHost(new TestUser("carol", WarRoomRole.Operator));

        var dialog = await OpenAsync(host, RolloutViews.View(RolloutViews.Started()), RolloutAction.Advance);

        var actingAs = dialog.Provider.Find("[data-testid=acting-as]");
        Assert.Equal("carol", actingAs.GetAttribute("data-actor"));
        Assert.Equal("As carol (operator); the audit log records carol.", actingAs.TextContent.Trim());
        Assert.Empty(dialog.Provider.FindAll("[data-testid=actor-input]"));
        Field(dialog.Provider, "reason-input").Input("all checkpoints passed");
        Assert.True(ConfirmEnabled(dialog.Provider));
    }
}
