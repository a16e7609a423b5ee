using Dashboard.Core.Checkpoints;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Features.Checkpoints.Components;

/// <summary>
/// A criterion's per-interval samples over its window: baseline and canary (intervals without data
/// left out, never drawn as zero) and the threshold as a flat line across the window.
/// </summary>
public sealed partial class SampleChart
{
    private static readonly string[] Palette = ["#8ab4f8", "#ffb74d", "#ff5252"];

    private List<ChartSeries<double>> _series = [];
    private TimeSeriesChartOptions _options = new();

    /// <summary>The criterion whose samples to draw.</summary>
    [Parameter, EditorRequired]
    public required CriterionEvaluation Criterion { get; set; }

    protected override void OnParametersSet()
    {
        var samples = Criterion.Samples;
        var from = samples[0].Time.UtcDateTime;
        var to = (samples[^1].Time + Criterion.SampleInterval).UtcDateTime;
        List<(DateTime, double)> threshold = [(from, Criterion.Threshold), (to, Criterion.Threshold)];
        _series =
        [
            new() { Name = "Baseline", Data = new ChartData<double>([.. samples.Where(s => s.Baseline is not null).Select(s => (s.Time.UtcDateTime, s.Baseline!.Value))]) },
            new() { Name = "Canary", Data = new ChartData<double>([.. samples.Where(s => s.Canary is not null).Select(s => (s.Time.UtcDateTime, s.Canary!.Value))]) },
            new() { Name = "Threshold", Data = new ChartData<double>(threshold) },
        ];
        _options = new TimeSeriesChartOptions
        {
            ChartPalette = Palette,
            TimeLabelFormat = "HH:mm",
            TimeLabelSpacing = LabelSpacing(to - from),
            TimeLabelSpacingRounding = true,
            YAxisFormat = "0.##",
            MaxNumYAxisTicks = 6,
            LineStrokeWidth = 2,
            ShowLegend = true,
        };
    }

    // About six labels across the window, whatever its length (a scaled demo window is seconds).
    private static TimeSpan LabelSpacing(TimeSpan window) =>
        window / 6 > TimeSpan.FromSeconds(1) ? window / 6 : TimeSpan.FromSeconds(1);
}
