using Dashboard.Core.Checkpoints;
using Dashboard.Web.Shared.Charts;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Dashboard.Web.Features.Checkpoints.Components;

/// <summary>
/// "Why did it fail?" for one criterion: the rule, the exact InfluxQL it ran (monospace, with a copy
/// button; printed once per page when criteria share it), and the per-interval values it saw, canary beside baseline, as a chart with the threshold
/// and as a table. A native <c>details</c> element, so it opens without a round trip.
/// </summary>
public sealed partial class CriterionDetail
{
    private bool _copied;

    [Inject]
    public required IJSRuntime Js { get; init; }

    /// <summary>The criterion as evaluated.</summary>
    [Parameter, EditorRequired]
    public required CriterionEvaluation Criterion { get; set; }

    /// <summary>
    /// The metric of an earlier criterion on the page that printed the very same InfluxQL (one statement set reads a
    /// whole family, e.g. error rate and P99): this one then points there instead of printing it again.
    /// </summary>
    [Parameter]
    public string? QueryShownWith { get; set; }

    /// <summary>What happened to the rollout during the window, marked on the chart.</summary>
    [Parameter]
    public IReadOnlyList<ChartAnnotation> Annotations { get; set; } = [];

    /// <summary>Open at first (the page opens the ones that did not pass).</summary>
    [Parameter]
    public bool Open { get; set; }

    private async Task CopyAsync(string query)
    {
        try
        {
            await Js.InvokeVoidAsync("navigator.clipboard.writeText", query);
            _copied = true;
        }
        catch (JSException)
        {
            // A browser without clipboard access (plain http) still shows the query to select by hand.
            _copied = false;
        }
    }
}
