using Dashboard.Core.Plans;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Features.Rollouts.Components;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static Dashboard.Web.Tests.TestSupport.DialogFields;

namespace Dashboard.Web.Tests.Rollouts;

/// <summary>The new-rollout dialog on the real plan catalog and rollout service: fields refused beside themselves, and the plan picker.</summary>
public sealed class CreateRolloutDialogTests
{
    private static async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Reference)> OpenAsync(
        AppTestHost host, Action<IRenderedComponent<MudPopoverProvider>>? popovers = null)
    {
        popovers?.Invoke(host.Context.Render<MudPopoverProvider>());
        var provider = host.Context.Render<MudDialogProvider>();
        var dialogs = host.Context.Services.GetRequiredService<IDialogService>();
        var reference = await provider.InvokeAsync(() => dialogs.ShowAsync<CreateRolloutDialog>("New rollout"));
        provider.WaitForElement("[data-testid=plan-preview]");
        return (provider, reference);
    }

    private static bool CreateEnabled(IRenderedComponent<MudDialogProvider> provider) =>
        !provider.Find("button[data-testid=confirm-create]").HasAttribute("disabled");

    private static void FillValid(IRenderedComponent<MudDialogProvider> provider)
    {
        Field(provider, "service-input").Input("checkout");
        Field(provider, "baseline-input").Input("1.4.0");
        Field(provider, "candidate-input").Input("1.5.0");
        Field(provider, "reason-input").Input("sprint 2 release");
    }

    private static async Task<IReadOnlyList<RolloutView>> RolloutsAsync(AppTestHost host) =>
        await host.Context.Services.GetRequiredService<RolloutService>().ListAsync();

    [Fact]
    public async Task PlanPicker_NamesThePlanAndItsSourceInWords_AndPreviewsItsPhases()
    {
        await using var host = await AppTestHost.CreateAsync();
        var (provider, _) = await OpenAsync(host);
        var plan = BuiltInPlans.All[0];

        Assert.Equal($"{plan.Name} — Built-in template, {plan.Phases.Count} phases", Field(provider, "plan-select").GetAttribute("value"));
        var rows = provider.FindAll("[data-testid=plan-phase]");
        Assert.Equal(
            plan.Phases.Select(p => (p.Name, $"{p.TrafficPercent} %", PlanDuration.Format(p.Duration))),
            rows.Select(r => (
                r.QuerySelector("[data-testid=plan-phase-name]")!.TextContent,
                r.QuerySelector("[data-testid=plan-phase-weight]")!.TextContent,
                r.QuerySelector("[data-testid=plan-phase-duration]")!.TextContent)));
        Assert.StartsWith("at ", rows[0].QuerySelector("[data-testid=plan-phase-checkpoints]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("builtIn", provider.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanPicker_ListsEveryPlanInWords_AndChoosingAnotherPreviewsItsPhases()
    {
        await using var host = await AppTestHost.CreateAsync();
        IRenderedComponent<MudPopoverProvider>? popovers = null;
        var (provider, _) = await OpenAsync(host, rendered => popovers = rendered);
        var select = provider.FindComponent<MudSelect<string>>();

        await provider.InvokeAsync(select.Instance.OpenMenu);
        var items = popovers!.FindAll(".mud-list-item").Select(i => i.TextContent.Trim()).ToList();
        var other = BuiltInPlans.All[1];
        await provider.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(other.Id));

        Assert.Equal(BuiltInPlans.All.Select(p => $"{p.Name} — Built-in template, {p.Phases.Count} phases"), items);
        provider.WaitForAssertion(() => Assert.Equal(
            other.Phases.Select(p => p.Name),
            provider.FindAll("[data-testid=plan-phase-name]").Select(c => c.TextContent)));
    }

    [Fact]
    public async Task Create_SameVersionsWhitespaceReasonAndLongService_ErrorsBesideEachFieldAndNothingIsCreated()
    {
        await using var host = await AppTestHost.CreateAsync();
        var (provider, reference) = await OpenAsync(host);
        FillValid(provider);
        Assert.True(CreateEnabled(provider));

        Field(provider, "service-input").Input(new string('s', 201));
        Field(provider, "candidate-input").Input("1.4.0");
        Field(provider, "reason-input").Input("   ");

        Assert.Equal("must be at most 200 characters (this is 201)", FieldError(provider, "service-input"));
        Assert.Equal("must differ from the baseline version", FieldError(provider, "candidate-input"));
        Assert.Equal("a reason is required: say why", FieldError(provider, "reason-input"));
        Assert.False(CreateEnabled(provider));
        await provider.Find("button[data-testid=confirm-create]").ClickAsync(new());
        Assert.Empty(await RolloutsAsync(host));
        Assert.False(reference.Result.IsCompleted);
    }

    [Fact]
    public async Task Create_Valid_CreatesTheRolloutAlongTheChosenPlanAndClosesWithItsId()
    {
        await using var host = await AppTestHost.CreateAsync();
        var (provider, reference) = await OpenAsync(host);
        FillValid(provider);

        await provider.Find("button[data-testid=confirm-create]").ClickAsync(new());

        var result = await reference.Result.WaitAsync(TimeSpan.FromSeconds(10));
        var created = Assert.Single(await RolloutsAsync(host));
        Assert.Equal(created.Id, result!.Data);
        Assert.Equal((BuiltInPlans.All[0].Name, "checkout", "1.5.0"), (created.PlanName, created.Service, created.CandidateVersion));
    }
}
