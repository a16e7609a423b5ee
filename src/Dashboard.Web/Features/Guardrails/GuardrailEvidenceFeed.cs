using Dashboard.Core.Guardrails.Sequential;
using Dashboard.Core.Metrics;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Metrics;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Guardrails;

/// <summary>
/// Keeps one <see cref="EvidenceTrack"/> per watched rollout and feeds it the per-cohort totals of every
/// grid cell (one point interval wide) from where its phase run's judged data begins up to the newest data
/// (docs/guardrails.md, "Sequential judge"). A new phase run or traffic change starts a new track. The tracks
/// are rebuilt after a restart by replaying their live epochs' cells from InfluxDB, so the evidence survives the
/// process. One read per poll serves every rollout. Not thread-safe: the monitor's poll loop owns it.
/// </summary>
public sealed class GuardrailEvidenceFeed(ICohortIntervalReader reader, IOptions<GuardrailOptions> options, IOptions<MetricsSchemaOptions> metricsOptions)
{
    // Bounds one InfluxDB read: a rebuild of a long horizon takes several.
    private const int MaxCellsPerRead = 720;

    private readonly GuardrailOptions settings = options.Value;
    private readonly TimeSpan cell = metricsOptions.Value.PointInterval;
    private readonly Dictionary<Guid, (string PhaseRun, EvidenceTrack Track)> tracks = [];

    /// <summary>The judge's settings as configured (<c>Guardrails:Alpha</c> …).</summary>
    public SequentialSettings Sequential { get; } = options.Value.Sequential();

    /// <summary>
    /// Brings each rollout's track up to <paramref name="newestPointAt"/>: the cells that end at or before it.
    /// A cell whose requests point is still torn is retried next poll while younger than <c>Guardrails:MaxDataAge</c>,
    /// then fed as flawed (it adds nothing).
    /// </summary>
    /// <param name="watched">Each watched rollout with where its judged data begins.</param>
    /// <param name="newestPointAt">The newest point InfluxDB holds.</param>
    /// <param name="now">The poll's time.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public async Task CatchUpAsync(
        IReadOnlyList<(Rollout Rollout, DateTimeOffset JudgedFrom)> watched, DateTimeOffset newestPointAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(watched);
        var edge = CellAtOrBefore(newestPointAt);
        var due = new List<EvidenceTrack>();
        foreach (var (rollout, judgedFrom) in watched)
        {
            var track = TrackOf(rollout, judgedFrom, edge);
            if (track.FedUntil < edge)
            {
                due.Add(track);
            }
        }

        while (due.Count > 0)
        {
            var from = due.Min(track => track.FedUntil);
            var to = from + (cell * MaxCellsPerRead) < edge ? from + (cell * MaxCellsPerRead) : edge;
            // Requests and probes come as separate entries of the same cohort and cell: they add up.
            var cells = (await reader.ReadCohortIntervalsAsync(from, to, cell, cancellationToken))
                .GroupBy(totals => (totals.Cohort, totals.Bucket.UtcTicks))
                .ToDictionary(group => group.Key, group => WindowTotals.Sum(group.Select(totals => totals.Totals)));
            foreach (var track in due)
            {
                Feed(track, cells, to, now);
            }

            due.RemoveAll(track => track.FedUntil < to || track.FedUntil >= edge);
        }
    }

    /// <summary>The evidence of the rollout's current track; null when it has none yet.</summary>
    public IReadOnlyList<ConditionEvidence>? EvidenceOf(Guid rolloutId) =>
        tracks.TryGetValue(rolloutId, out var entry) ? entry.Track.Judge() : null;

    /// <summary>Drops the tracks of rollouts no longer watched.</summary>
    public void KeepOnly(IReadOnlySet<Guid> watched)
    {
        foreach (var id in tracks.Keys.Where(id => !watched.Contains(id)).ToList())
        {
            tracks.Remove(id);
        }
    }

    private EvidenceTrack TrackOf(Rollout rollout, DateTimeOffset judgedFrom, DateTimeOffset edge)
    {
        var phaseRun = $"{rollout.CurrentPhaseIndex}@{rollout.CurrentProgress.StartedAt?.UtcTicks}";
        if (tracks.TryGetValue(rollout.Id, out var entry) && entry.PhaseRun == phaseRun && entry.Track.JudgedFrom == judgedFrom)
        {
            return entry.Track;
        }

        var conditions = rollout.CurrentPhase.AutoRollbackTriggers.Concat(rollout.CurrentPhase.ContingencyRules.SelectMany(rule => rule.When)).Distinct();
        var resumeAt = EvidenceTrack.ResumeFrom(judgedFrom, edge, cell, settings.EvidenceHorizon);
        var track = new EvidenceTrack(Sequential, conditions, judgedFrom, cell, settings.EvidenceHorizon, resumeAt);
        tracks[rollout.Id] = (phaseRun, track);
        return track;
    }

    private void Feed(EvidenceTrack track, Dictionary<(string Cohort, long Ticks), WindowTotals> cells, DateTimeOffset to, DateTimeOffset now)
    {
        while (track.FedUntil < to)
        {
            var start = track.FedUntil;
            var canary = cells.GetValueOrDefault((CohortTag.Canary, start.UtcTicks));
            var baseline = cells.GetValueOrDefault((CohortTag.Baseline, start.UtcTicks));
            var torn = canary?.IncompletePoints == true || baseline?.IncompletePoints == true;
            if (torn && now - (start + cell) < settings.MaxDataAge)
            {
                // Read again next poll: the point may be whole by then.
                return;
            }

            track.Observe(canary, baseline);
        }
    }

    private DateTimeOffset CellAtOrBefore(DateTimeOffset time)
    {
        var next = EvidenceTrack.CellAtOrAfter(time, cell);
        return next == time.ToUniversalTime() ? next : next - cell;
    }
}
