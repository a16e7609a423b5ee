using System.Globalization;
using Dashboard.Web.Features.Rollouts.Components;
using Dashboard.Web.Shared;
using Dashboard.Web.Shared.Components;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.TrafficDrift.Components;

/// <summary>Confirms a reconcile: the router's split → the recorded weight, with a reason, as the signed-in person.</summary>
public sealed partial class ReconcileDialog : ConfirmationDialog
{
    private string? _reason;

    [Parameter, EditorRequired]
    public required TrafficDriftReport Report { get; set; }

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

    protected override bool CanConfirm => InputRules.Reason(_reason) is null;

    private Task ConfirmAsync() => ConfirmAsync(async () => (null, await Submit(new ActionInput(_reason!.Trim(), Percent: null))));
}
