using Dashboard.Core.Plans;
using Dashboard.Core.Rollouts;
using Dashboard.Core.SignOffs;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Shared.Components;
using Dashboard.Web.Shared.Live;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Features.SignOffs.Components;

/// <summary>
/// The gate of a rollout's current phase: each required role with its latest GO / NO-GO (who, when, why),
/// the gate's summary, and — for each role the signed-in person holds — GO and NO-GO buttons that ask for a
/// comment. Live: re-read after every saved change of the rollout, from any page, the API or automation.
/// </summary>
public sealed partial class SignOffPanel : IDisposable
{
    private LiveReload<RolloutChanged>? _live;
    private GateView? _gate;
    private Actor _actor = Actor.Anonymous;
    private Guid? _loadedFor;
    private bool _unreadable;

    [Inject]
    public required GateService Gates { get; init; }

    [Inject]
    public required RolloutStore Rollouts { get; init; }

    [Inject]
    public required RolloutChangeFeed Changes { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required IServiceProvider Services { get; init; }

    [Inject]
    public required ILogger<SignOffPanel> Logger { get; init; }

    /// <summary>The rollout whose current gate is shown; null shows the rollout of record (the one started last), as the war-room screen does.</summary>
    [Parameter]
    public Guid? RolloutId { get; set; }

    /// <summary>True on the war-room screen: large type, no buttons, and nobody is asked who is looking.</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    private bool CanSign => RendererInfo.IsInteractive && _gate is { AcceptsSignOffs: true };

    // A rolled-back, aborted or completed rollout has nothing left to sign: its gate must not read as a red "Closed: waiting for …".
    private bool IsEnded => _gate?.PhaseState is PhaseState.RolledBack or PhaseState.Aborted or PhaseState.Completed;

    private string Summary => _gate is not { } gate ? string.Empty
        : !IsEnded ? gate.Summary
        : gate.PhaseState == PhaseState.Completed ? "No sign-off needed: the rollout is complete."
        : $"No sign-off needed: the rollout was {Vocabulary.State(gate.PhaseState)} in phase {gate.PhaseName}.";

    private string SummaryClass => IsEnded ? "verdict-nodata" : _gate is { IsOpen: true } ? "verdict-pass" : "verdict-fail";

    private string PanelClass => ReadOnly ? "pa-4 rollout-panel signoff-panel signoff-panel--kiosk" : "pa-4 rollout-panel signoff-panel";

    // Without a rollout it follows them all: a newly started one becomes the rollout of record.
    protected override void OnInitialized() =>
        _live = new(Changes, change => RolloutId is null || change.RolloutId == RolloutId, LoadAsync, InvokeAsync, StateHasChanged, DispatchExceptionAsync);

    protected override async Task OnParametersSetAsync()
    {
        if (_gate is not null && _loadedFor == RolloutId)
        {
            return;
        }

        if (!ReadOnly)
        {
            // Resolved only when buttons may show: a read-only screen never needs a signed-in circuit.
            _actor = await Services.GetRequiredService<CurrentActor>().GetAsync();
        }

        await _live!.ReloadAsync();
    }

    public void Dispose() => _live?.Dispose();

    private async Task LoadAsync()
    {
        try
        {
            var rolloutId = RolloutId ?? (await Rollouts.FindLatestStartedAsync())?.Id;
            _gate = rolloutId is { } id ? await Gates.FindCurrentAsync(id) : null;
            _loadedFor = RolloutId;
            _unreadable = false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Never a blank that looks like nothing is pending: say the gate cannot be shown.
            LogUnreadable(Logger, ex);
            _gate = null;
            _unreadable = true;
        }
    }

    private bool Holds(GateRoleView role) => _actor.Holds(WarRoomRoles.For(Enum.Parse<SignOffRole>(role.Role)));

    private async Task SignAsync(GateRoleView role, SignOffDecision decision)
    {
        if (_gate is not { } gate)
        {
            return;
        }

        var parameters = new DialogParameters<SignOffDialog>
        {
            { d => d.RolloutId, gate.RolloutId },
            { d => d.PhaseIndex, gate.PhaseIndex },
            { d => d.PhaseName, gate.PhaseName },
            { d => d.Role, Enum.Parse<SignOffRole>(role.Role) },
            { d => d.Decision, decision },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true, BackdropClick = false };
        var dialog = await Dialogs.ShowAsync<SignOffDialog>($"{SignOffView.Text(decision)} as {role.RoleText.ToLowerInvariant()}", parameters, options);
        if (await dialog.Result is { Canceled: false })
        {
            await _live!.ReloadAsync();
        }
    }

    private static string DecisionKey(GateRoleView role) => role.Latest?.Decision ?? "waiting";

    private static string ChipClass(GateRoleView role) => role.Latest switch
    {
        null => "verdict-nodata",
        { IsGo: true } => "verdict-pass",
        _ => "verdict-fail",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sign-off gate could not be read")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);
}
