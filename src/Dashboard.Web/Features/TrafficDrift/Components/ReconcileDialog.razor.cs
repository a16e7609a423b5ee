using System.Globalization;
using Dashboard.Web.Features.Rollouts.Components;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Features.TrafficDrift.Components;

/// <summary>Confirms a reconcile: the router's split → the recorded weight, with the person's name and reason.</summary>
public sealed partial class ReconcileDialog
{
    private string? _actorName;
    private string? _reason;
    private string? _error;
    private bool _busy;

    [CascadingParameter]
    public IMudDialogInstance? Dialog { get; set; }

    [Parameter, EditorRequired]
    public required TrafficDriftReport Report { get; set; }

    [Parameter]
    public string? InitialActorName { get; set; }

    /// <summary>Runs the reconcile; returns null when done, otherwise what to tell the person.</summary>
    [Parameter, EditorRequired]
    public required Func<ActionInput, Task<string?>> Submit { get; set; }

    private IReadOnlyList<ChangeLine> Lines =>
    [
        new(
            "Canary traffic at the router",
            Report.Observed is { } observed
                ? string.Create(CultureInfo.InvariantCulture, $"{observed.CanaryPercent:0.##} % (weights {observed.CanaryWeight}/{observed.BaselineWeight})")
                : "unknown: the router could not be read",
            Report.RecordedPercent is { } recorded
                ? string.Create(CultureInfo.InvariantCulture, $"{recorded} % (recorded)")
                : "unknown"),
    ];

    private bool CanConfirm => !string.IsNullOrWhiteSpace(_reason) && !string.IsNullOrWhiteSpace(_actorName);

    protected override void OnInitialized() => _actorName = InitialActorName;

    private void Cancel() => Dialog?.Cancel();

    private async Task ConfirmAsync()
    {
        if (!CanConfirm || _busy)
        {
            return;
        }

        _busy = true;
        try
        {
            _error = await Submit(new ActionInput(_actorName!.Trim(), _reason!.Trim(), Percent: null));
        }
        finally
        {
            _busy = false;
        }

        if (_error is null)
        {
            Dialog?.Close(DialogResult.Ok(true));
        }
    }
}
