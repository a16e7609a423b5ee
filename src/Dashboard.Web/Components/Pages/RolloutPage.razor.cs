using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Core.Routing;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Reasons;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Features.Rollouts.Components;
using Dashboard.Web.Shared;
using Dashboard.Web.Shared.Components;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace Dashboard.Web.Components.Pages;

/// <summary>
/// Where a rollout is run. First its state and why (<see cref="RolloutReasons"/>), the current and confirmed weight,
/// the next checkpoint, the gate and the actions the signed-in person's roles allow, behind confirmation dialogs;
/// then the phase timeline and live criteria; then the history, paged. Every
/// saved change — from this page, another browser, the REST API or automation — reaches the page
/// through <see cref="RolloutChangeFeed"/> and is re-read from the state store, so what is shown is
/// always what was persisted.
/// </summary>
public sealed partial class RolloutPage : IDisposable
{
    private LiveReload<RolloutChanged>? _live;
    private RolloutDetail? _detail;
    private string? _waitingFor;
    private RolloutReason? _reason;
    private bool _loaded;
    private bool _busy;
    private Notice? _notice;
    private Actor? _actor;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private CurrentActor CurrentActor { get; set; } = null!;

    [Inject]
    public required RolloutService Rollouts { get; init; }

    [Inject]
    public required WaitingForPerson WaitingForPerson { get; init; }

    [Inject]
    public required RolloutReasons Reasons { get; init; }

    [Inject]
    public required RolloutChangeFeed Changes { get; init; }

    [Inject]
    public required ITrafficRouter Router { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required IOptions<RolloutClockOptions> Clock { get; init; }

    private PlanPhase CurrentPlanPhase => _detail!.Plan.Phases[_detail.Rollout.CurrentPhaseIndex];

    protected override async Task OnInitializedAsync()
    {
        _live = new(Changes, change => change.RolloutId == Id, LoadAsync, InvokeAsync, StateHasChanged, DispatchExceptionAsync);
        _actor = await CurrentActor.GetAsync();
    }

    protected override Task OnParametersSetAsync() => _live!.ReloadAsync();

    private TimeSpan? ElapsedAt(DateTimeOffset now)
    {
        var phase = _detail!.Rollout.Phases[_detail.Rollout.CurrentPhaseIndex];
        // In planned time: with a time scale, a real second is TimeScale planned seconds.
        return phase.StartedAt is { } started ? ((phase.EndedAt ?? now) - started) * Clock.Value.TimeScale : null;
    }

    private async Task LoadAsync()
    {
        _detail = await Rollouts.FindDetailAsync(Id);
        // Read from the stored verdict on every reload, so the page says why after a restart too.
        _waitingFor = await WaitingForPerson.FindReasonAsync(Id);
        _reason = await Reasons.FindAsync(Id);
        _loaded = true;
    }

    private async Task OpenActionDialogAsync(RolloutAction action)
    {
        if (_detail is null)
        {
            return;
        }

        var parameters = new DialogParameters<RolloutActionDialog>
        {
            { d => d.Rollout, _detail.Rollout },
            { d => d.Action, action },
            { d => d.RouterName, Router.Name },
            { d => d.Submit, input => SubmitAsync(action, input) },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true, BackdropClick = false };
        await Dialogs.ShowAsync<RolloutActionDialog>(ActionLabels.Label(action), parameters, options);
    }

    /// <summary>Runs the confirmed action; null closes the dialog, a message keeps it open.</summary>
    private async Task<string?> SubmitAsync(RolloutAction action, ActionInput input)
    {
        _busy = true;
        try
        {
            Outcome<RolloutCommandResponse> outcome;
            try
            {
                outcome = await Rollouts.ExecuteAsync(
                    Id, new RolloutCommand(action, await CurrentActor.GetAsync(), input.Reason, TrafficChangeSource.Ui, input.Percent));
            }
            catch (Exception ex) when (StateStoreUnreachable.Is(ex))
            {
                // Met before the save (after it, the service answers StoreLostAfterSave): the dialog stays open to try again.
                return StateStoreOutage.Refusal;
            }

            if (outcome.Kind == OutcomeKind.StoreLostAfterSave)
            {
                // Saved: the dialog closes, so it cannot be confirmed twice; the page keeps what it last read until the
                // store is back and the settled change reaches it.
                _notice = new Notice(Severity.Warning, outcome.Detail ?? $"{ActionLabels.Label(action)} was saved, then the state store stopped answering. Do not repeat it.");
                return null;
            }

            if (outcome.Value is { } result)
            {
                _notice = NoticeFor(action, outcome, result);
            }

            await _live!.ReloadAsync();
            return outcome.Kind switch
            {
                OutcomeKind.Succeeded or OutcomeKind.RouterFailed => null,
                OutcomeKind.IllegalTransition when outcome.Value?.Rollout is { } now =>
                    $"{ActionLabels.Label(action)} is no longer possible: phase '{now.CurrentPhase}' is {Vocabulary.State(now.CurrentState)} now (someone acted meanwhile).",
                OutcomeKind.Invalid => string.Join(" ", outcome.Problems.SelectMany(p => p.Value)),
                _ => outcome.Detail ?? $"{ActionLabels.Label(action)} failed.",
            };
        }
        finally
        {
            _busy = false;
            StateHasChanged();
        }
    }

    private static Notice? NoticeFor(RolloutAction action, Outcome<RolloutCommandResponse> outcome, RolloutCommandResponse result) => outcome.Kind switch
    {
        OutcomeKind.RouterFailed => new Notice(Severity.Error, outcome.Detail ?? "The router did not confirm the traffic change."),
        OutcomeKind.Succeeded when result.TrafficChanges.Count > 0 =>
            new Notice(Severity.Success, $"{ActionLabels.Label(action)} done; the router confirmed {result.Rollout.AppliedWeightPercent} % canary traffic."),
        OutcomeKind.Succeeded => new Notice(Severity.Success, $"{ActionLabels.Label(action)} done."),
        _ => null,
    };

    public void Dispose() => _live?.Dispose();

    private sealed record Notice(Severity Severity, string Text);
}
