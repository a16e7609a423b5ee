using Dashboard.Core.Evaluation;

namespace Dashboard.Web.Shared.Components;

/// <summary>
/// How a verdict looks. A null verdict means the metric has no criterion and is shown in a neutral
/// colour, distinct from NO DATA (a criterion exists but there is nothing to judge).
/// </summary>
public static class VerdictPresentation
{
    /// <summary>The value of the <c>data-verdict</c> test hook: Pass, Warn, Fail, NoData or None.</summary>
    public static string Name(Verdict? verdict) => verdict?.ToString() ?? "None";

    public static string CssClass(Verdict? verdict) => verdict switch
    {
        Verdict.Pass => "verdict-pass",
        Verdict.Warn => "verdict-warn",
        Verdict.Fail => "verdict-fail",
        Verdict.NoData => "verdict-nodata",
        _ => "verdict-none",
    };

    public static string Label(Verdict? verdict) => verdict switch
    {
        Verdict.Pass => "PASS",
        Verdict.Warn => "WARN",
        Verdict.Fail => "FAIL",
        Verdict.NoData => "NO DATA",
        _ => "INFO",
    };
}
