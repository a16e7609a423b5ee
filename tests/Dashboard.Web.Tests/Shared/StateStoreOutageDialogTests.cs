using Dashboard.Core.Rollouts;
using Dashboard.Web.Features.Rollouts.Components;
using Dashboard.Web.Shared;
using Dashboard.Web.Shared.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Npgsql;
using static Dashboard.Web.Tests.TestSupport.DialogFields;

namespace Dashboard.Web.Tests.Shared;

/// <summary>
/// A confirmation dialog whose action meets a state store that does not answer: the exception stays out of the event
/// handler (in Blazor Server it would end the circuit), and the dialog says that nothing was changed.
/// </summary>
public sealed class StateStoreOutageDialogTests
{
    [Fact]
    public async Task Confirm_WhenTheStateStoreIsUnreachable_SaysNothingWasChangedAndStaysOpenForAnotherTry()
    {
        await using var host = new LiveDashboardTestHost();
        var tries = 0;
        var (provider, reference) = await OpenHoldAsync(host, _ => ++tries == 1
            // As EF Core reports it: its own exception around Npgsql's.
            ? throw new InvalidOperationException("transient failure", new NpgsqlException("Failed to connect to 127.0.0.1:5432"))
            : Task.FromResult<string?>(null));

        await provider.Find("button[data-testid=confirm-action]").ClickAsync(new());

        Assert.Equal(StateStoreOutage.Refusal, provider.Find("[data-testid=dialog-error]").TextContent.Trim());
        Assert.False(reference.Result.IsCompleted);
        Assert.False(provider.Find("button[data-testid=confirm-action]").HasAttribute("disabled"));

        await provider.Find("button[data-testid=confirm-action]").ClickAsync(new());

        var result = await reference.Result.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(result?.Canceled ?? true);
    }

    [Fact]
    public async Task Confirm_AnyOtherFailure_IsNotTakenForAnOutage()
    {
        await using var host = new LiveDashboardTestHost();
        var (provider, _) = await OpenHoldAsync(host, _ => throw new InvalidOperationException("a defect"));

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.Find("button[data-testid=confirm-action]").ClickAsync(new()));

        Assert.Equal("a defect", failure.Message);
    }

    [Fact]
    public async Task Confirm_AnsweredSavedThenTheStoreWasLost_SaysSoAndConfirmsNoMore()
    {
        await using var host = new LiveDashboardTestHost();
        host.Context.SetRendererInfo(RendererModes.Interactive);
        host.Context.Render<MudPopoverProvider>();
        var provider = host.Context.Render<MudDialogProvider>();
        var sent = 0;
        var parameters = new DialogParameters<SavedThenLostDialog>
        {
            {
                d => d.Submit,
                () =>
                {
                    sent++;
                    return Task.FromResult(Outcomes.StoreLostAfterSave<object>("The incident 'x' was opened and audited. Do not repeat this."));
                }
            },
        };
        var dialogs = host.Context.Services.GetRequiredService<IDialogService>();
        var reference = await provider.InvokeAsync(() => dialogs.ShowAsync<SavedThenLostDialog>("Saved then lost", parameters));

        await provider.Find("button[data-testid=confirm]").ClickAsync(new());
        await provider.Find("button[data-testid=confirm]").ClickAsync(new());

        Assert.Equal(1, sent);
        Assert.Equal("The incident 'x' was opened and audited. Do not repeat this.", provider.Find("[data-testid=dialog-error]").TextContent);
        Assert.True(provider.Find("button[data-testid=confirm]").HasAttribute("disabled"));
        Assert.False(reference.Result.IsCompleted);
    }

    /// <summary>A confirmation dialog with one button, whose confirm sends <see cref="Submit"/>.</summary>
    private sealed class SavedThenLostDialog : ConfirmationDialog
    {
        [Parameter]
        public Func<Task<Outcome<object>>> Submit { get; set; } = null!;

        protected override bool CanConfirm => true;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "button");
            builder.AddAttribute(1, "data-testid", "confirm");
            builder.AddAttribute(2, "disabled", IsBusy);
            builder.AddAttribute(3, "onclick", EventCallback.Factory.Create(this, () => ConfirmAsync(Submit, "failed")));
            builder.CloseElement();
            builder.OpenElement(4, "p");
            builder.AddAttribute(5, "data-testid", "dialog-error");
            builder.AddContent(6, Error);
            builder.CloseElement();
        }
    }

    /// <summary>The rollout page's Hold dialog, with a reason typed, whose confirm runs <paramref name="submit"/>.</summary>
    private static async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Reference)> OpenHoldAsync(
        LiveDashboardTestHost host, Func<ActionInput, Task<string?>> submit)
    {
        host.Context.SetRendererInfo(RendererModes.Interactive);
        host.Context.Render<MudPopoverProvider>();
        var provider = host.Context.Render<MudDialogProvider>();
        var parameters = new DialogParameters<RolloutActionDialog>
        {
            { d => d.Rollout, RolloutViews.View(RolloutViews.Started()) },
            { d => d.Action, RolloutAction.Hold },
            { d => d.Submit, submit },
        };
        var dialogs = host.Context.Services.GetRequiredService<IDialogService>();
        var reference = await provider.InvokeAsync(() => dialogs.ShowAsync<RolloutActionDialog>("Hold", parameters));
        provider.WaitForElement("button[data-testid=confirm-action]");
        Field(provider, "reason-input").Input("error spike");
        return (provider, reference);
    }
}
