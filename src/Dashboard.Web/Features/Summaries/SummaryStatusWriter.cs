using Dashboard.Core.Evaluation;
using Dashboard.Core.Rollouts;
using Dashboard.Web.Shared.Components;

namespace Dashboard.Web.Features.Summaries;

/// <summary>
/// Says in one sentence how a phase run stands at a milestone. Missing data is said as such ("not judged"),
/// never as a pass; a rollback or abort in the phase outranks every criterion.
/// </summary>
public static class SummaryStatusWriter
{
    public static SummaryStatus Write(Rollout rollout, int phaseIndex, TimeSpan plannedElapsed, SummaryMeasurements measured, int openIncidents)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(measured);
        var progress = rollout.Phases[phaseIndex];
        var period = $"the first {SummaryText.Duration(plannedElapsed)} of {progress.Name}";
        var gating = measured.Criteria.Where(c => c.Judged).ToList();
        string Of(Verdict verdict) => string.Join(", ", gating.Where(c => c.Verdict == verdict).Select(c => c.Metric));

        var (outlook, sentence) = progress.State switch
        {
            PhaseState.RolledBack or PhaseState.Aborted =>
                (SummaryOutlook.Stopped, $"Stopped: the rollout was {Vocabulary.State(progress.State)} during {progress.Name}; the candidate is out of traffic."),
            _ when gating.Count == 0 =>
                (SummaryOutlook.NotJudged, $"Not judged: {progress.Name} has no criteria that gate, so nothing shows it is fine."),
            _ => measured.Overall switch
            {
                Verdict.Fail => (SummaryOutlook.Failing, $"Failing: {Of(Verdict.Fail)} broke the threshold over {period}."),
                Verdict.NoData => (SummaryOutlook.NotJudged, $"Not judged: no data for {Of(Verdict.NoData)} over {period}, so nothing shows it is fine."),
                Verdict.Warn => (SummaryOutlook.AtRisk, $"At risk: every criterion passed over {period}, but {Of(Verdict.Warn)} came close to the threshold."),
                _ => (SummaryOutlook.OnTrack, $"On track: every criterion passed over {period}."),
            },
        };
        if (openIncidents > 0)
        {
            sentence += openIncidents == 1 ? " 1 incident is open." : $" {openIncidents} incidents are open.";
        }

        return new SummaryStatus(Vocabulary.State(rollout.Status), Vocabulary.State(progress.State), outlook, measured.Overall, sentence);
    }
}
