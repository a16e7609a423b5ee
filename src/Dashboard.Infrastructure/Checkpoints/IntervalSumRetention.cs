using Dashboard.Core.Rollouts;

namespace Dashboard.Infrastructure.Checkpoints;

/// <summary>
/// Which phase runs' stored sums are no longer worth keeping (docs/checkpoints.md, "Topping up while the phase runs"): a
/// run that ended more than <c>CheckpointEvaluation:TopUp:KeepEndedFor</c> ago, and a run no rollout knows any more (an
/// earlier run of a retried phase, a bench's or test's rollout) once its newest chunk is that old. A run is deleted whole:
/// chunks missing at its start would make every later one unusable. Deleting is never wrong, only slower: a miss is a full read.
/// </summary>
public static class IntervalSumRetention
{
    public static IReadOnlyList<PhaseRunKey> Expired(
        IEnumerable<IntervalSumRun> stored, IEnumerable<RolloutSnapshot> rollouts, DateTimeOffset now, TimeSpan keepEndedFor)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(rollouts);
        var cutoff = now - keepEndedFor;
        var known = rollouts
            .SelectMany(rollout => rollout.Phases
                .Where(phase => phase.StartedAt is not null)
                .Select(phase => (Run: new PhaseRunKey(rollout.Id.ToString(), phase.Index, phase.StartedAt!.Value), phase.EndedAt)))
            .ToDictionary(run => run.Run, run => run.EndedAt);
        return [.. stored
            .Where(run => known.TryGetValue(run.Run, out var endedAt) ? endedAt < cutoff : run.LastReadAt < cutoff)
            .Select(run => run.Run)];
    }
}
