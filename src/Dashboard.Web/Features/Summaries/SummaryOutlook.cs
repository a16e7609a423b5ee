namespace Dashboard.Web.Features.Summaries;

/// <summary>How a phase run looks at a milestone, worst first when several apply.</summary>
public enum SummaryOutlook
{
    /// <summary>Every criterion passed.</summary>
    OnTrack,

    /// <summary>Every criterion passed, some close to their thresholds.</summary>
    AtRisk,

    /// <summary>Some criterion had no data: nothing says it is fine.</summary>
    NotJudged,

    /// <summary>Some criterion broke its threshold.</summary>
    Failing,

    /// <summary>The rollout was rolled back or aborted in this phase.</summary>
    Stopped,
}
