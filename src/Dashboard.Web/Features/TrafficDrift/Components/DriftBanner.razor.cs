using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Access.Components;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Features.Rollouts.Components;
using Dashboard.Web.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Features.TrafficDrift.Components;

/// <summary>
/// The visible warning on every page when the router does not run the recorded weight (or cannot
/// be read): what each side says and — for those whose roles allow them — "Check again" (it opens the router's
/// socket) and the audited reconcile behind a confirmation dialog. Nothing is changed until a person confirms.
/// </summary>
public sealed partial class DriftBanner : IDisposable
{
    private TrafficDriftReport _report = TrafficDriftReport.NotChecked(string.Empty);
    private bool _checking;
    private string? _checkRefusal;
    private Actor _actor = Actor.Anonymous;
    private bool _mayReconcile;
    private bool _mayCheck;

    [Inject]
    public required AccessAuthorization Authorization { get; init; }

    [Inject]
    private CurrentActor CurrentActor { get; set; } = null!;

    [Inject]
    public required TrafficDriftMonitor Monitor { get; init; }

    [Inject]
    public required RolloutService Rollouts { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    /// <summary>True on the war-room screen: the warning without buttons.</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    private string Title => _report.Kind switch
    {
        TrafficDriftKind.Drifted => "Traffic drift: the router does not run the recorded weight",
        TrafficDriftKind.RouterUnreadable => "The traffic router cannot be read",
        _ => "The recorded traffic weight cannot be read",
    };

    protected override async Task OnInitializedAsync()
    {
        _report = Monitor.Current;
        Monitor.Changed += OnReportChanged;
        _actor = await CurrentActor.GetAsync();
        _mayReconcile = AccessRules.Allows(_actor, Operation.ReconcileTraffic);
        _mayCheck = AccessRules.Allows(_actor, Operation.CheckTrafficDrift);
    }

    /// <summary>"You are signed in as viewer: Check again and Reconcile need the operator role." Null when nothing is withheld.</summary>
    private string? Withheld
    {
        get
        {
            var withheld = new List<(string Label, Operation Operation)>();
            if (!_mayCheck)
            {
                withheld.Add(("Check again", Operation.CheckTrafficDrift));
            }

            if (_report.CanReconcile && !_mayReconcile)
            {
                withheld.Add(("Reconcile", Operation.ReconcileTraffic));
            }

            return AccessText.Withheld(_actor, withheld);
        }
    }

    // Raised on the checking thread: hop onto the circuit before touching state.
    private void OnReportChanged(TrafficDriftReport report) => _ = InvokeAsync(() =>
    {
        _report = report;
        StateHasChanged();
    });

    private async Task CheckAsync()
    {
        _checking = true;
        try
        {
            // Reading who asks and auditing a refusal need the state store: one that does not answer is said beside the button.
            _checkRefusal = await StateStoreOutage.RefusalOfAsync(CheckAsAllowedAsync);
        }
        finally
        {
            _checking = false;
        }
    }

    private async Task CheckAsAllowedAsync()
    {
        // Roles are read afresh: one taken away since the page opened hides the button, and the refusal is audited.
        if (await Authorization.RequireAsync(await CurrentActor.GetAsync(), Operation.CheckTrafficDrift) is not null)
        {
            _mayCheck = false;
            return;
        }

        _report = await Monitor.CheckAsync();
    }

    private async Task OpenReconcileDialogAsync()
    {
        var parameters = new DialogParameters<ReconcileDialog>
        {
            { d => d.Report, _report },
            { d => d.Submit, SubmitAsync },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true, BackdropClick = false };
        await Dialogs.ShowAsync<ReconcileDialog>("Reconcile traffic", parameters, options);
    }

    private async Task<string?> SubmitAsync(ActionInput input)
    {
        var outcome = await Rollouts.ReconcileTrafficAsync(await CurrentActor.GetAsync(), input.Reason);
        _report = await Monitor.CheckAsync();
        return outcome.Kind switch
        {
            OutcomeKind.Succeeded => null,
            OutcomeKind.Invalid => string.Join(" ", outcome.Problems.SelectMany(p => p.Value)),
            _ => outcome.Detail ?? "The reconcile failed.",
        };
    }

    public void Dispose() => Monitor.Changed -= OnReportChanged;
}
