using Dashboard.Core.Evaluation;
using Dashboard.Core.History;
using Dashboard.Core.Metrics;
using Dashboard.Web.Features.LiveMetrics.Components;

namespace Dashboard.Web.Features.BoardHistory;

/// <summary>
/// The board as it was at <see cref="At"/> (docs/board-history.md), read once: the metrics of the windows
/// ending then, the rollouts as the audit log rebuilds them, the one the board followed and its phase's thresholds.
/// </summary>
/// <param name="At">The moment, in UTC.</param>
/// <param name="Snapshot">The tiles' and tables' window ending at <see cref="At"/>; null when it could not be read.</param>
/// <param name="Charts">Every chart range ending at <see cref="At"/>; empty when they could not be read.</param>
/// <param name="Freshness">How old the data was at <see cref="At"/>, judged by the live board's staleness rule.</param>
/// <param name="Rollouts">Every rollout created by then, as it stood then.</param>
/// <param name="Followed">The rollout running then that the board follows, or null when none ran.</param>
/// <param name="Thresholds">The criteria of the followed rollout's phase then, as the live board takes them from the running phase.</param>
public sealed record BoardAt(
    DateTimeOffset At,
    MetricsSnapshot? Snapshot,
    IReadOnlyDictionary<ChartRange, ChartSeriesSet> Charts,
    DataFreshness Freshness,
    IReadOnlyList<RolloutStateAt> Rollouts,
    RolloutStateAt? Followed,
    PhaseThresholds Thresholds);
