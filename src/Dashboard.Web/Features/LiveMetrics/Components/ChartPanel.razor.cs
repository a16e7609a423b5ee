using Dashboard.Core.Evaluation;
using Dashboard.Core.Metrics;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.LiveMetrics.Components;

/// <summary>The four trend charts with a range selector (15 min, 1 h, 6 h, 36 h).</summary>
public sealed partial class ChartPanel
{
    /// <summary>The poller's chart data by range; a missing range shows "no data in this range".</summary>
    [Parameter]
    [EditorRequired]
    public IReadOnlyDictionary<ChartRange, ChartSeriesSet> Charts { get; set; } = new Dictionary<ChartRange, ChartSeriesSet>();

    /// <summary>The criteria of the followed phase, for the charts' threshold lines.</summary>
    [Parameter]
    [EditorRequired]
    public PhaseThresholds Thresholds { get; set; } = PhaseThresholds.NoRolloutRunning;

    /// <summary>The range shown first.</summary>
    [Parameter]
    public ChartRange Range { get; set; } = ChartRange.LastHour;

    /// <summary>Told when a person picks another range: a past board reads that range only then (docs/board-history.md).</summary>
    [Parameter]
    public EventCallback<ChartRange> RangeChanged { get; set; }

    private ChartSeriesSet? SelectedSet => Charts.GetValueOrDefault(Range);

    private Task SelectRange(ChartRange range)
    {
        Range = range;
        return RangeChanged.InvokeAsync(range);
    }
}
