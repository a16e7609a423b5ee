using System.Globalization;
using Dashboard.Core.Statistics;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Features.Checkpoints.Components;

/// <summary>
/// The statistical comparison stored with a checkpoint (docs/canary-judge.md): the overall score and its
/// class, and per metric the samples, medians, Hodges–Lehmann shift with its interval, the p-value and the
/// rank-biserial effect size. Advisory: the thresholds decide the verdict.
/// </summary>
public sealed partial class StatisticalComparisonPanel
{
    /// <summary>The evaluation's comparison; null when it has none.</summary>
    [Parameter]
    public CanaryJudgement? Judgement { get; set; }

    private string ScoreCss => Judgement?.Classification switch
    {
        CanaryScoreClassification.Pass => "verdict-pass",
        CanaryScoreClassification.Marginal => "verdict-warn",
        CanaryScoreClassification.Fail => "verdict-fail",
        _ => "verdict-nodata",
    };

    private static string MetricCss(MetricClassification classification) => classification switch
    {
        MetricClassification.Pass => "verdict-pass",
        MetricClassification.NoData => "verdict-nodata",
        _ => "verdict-fail",
    };

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Percent(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";
}
