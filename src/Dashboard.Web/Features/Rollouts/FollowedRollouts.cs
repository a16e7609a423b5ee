using Dashboard.Core.Evaluation;
using Dashboard.Core.Guardrails;
using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>
/// Picks the rollout a live page (/, /warroom) follows and gives the criteria of its running phase —
/// the same phase the rollout page's criteria panel shows and the guardrails judge (a rollout is
/// running while <see cref="GuardrailJudge.IsWatched"/> holds for its current phase). The default is
/// the most recently started running rollout; with none running, the default plan's first phase.
/// </summary>
public sealed class FollowedRollouts(RolloutStore store)
{
    public async Task<FollowedPhase> ReadAsync(Guid? requested, CancellationToken cancellationToken = default)
    {
        var running = (await store.ListAsync(cancellationToken))
            .Select(Rollout.FromSnapshot)
            .Where(rollout => rollout.StartedAt is not null && GuardrailJudge.IsWatched(rollout.CurrentState))
            .OrderByDescending(rollout => rollout.StartedAt)
            .ToList();
        if (running.Count == 0)
        {
            return new FollowedPhase([], null, PhaseThresholds.NoRolloutRunning);
        }

        var followed = running.FirstOrDefault(rollout => rollout.Id == requested) ?? running[0];
        var asked = requested is { } id && id != followed.Id ? " (the rollout asked for is not running)" : string.Empty;
        return new FollowedPhase(
            [.. running.Select(rollout => new RunningRollout(rollout.Id, Describe(rollout)))],
            followed.Id,
            new PhaseThresholds(followed.CurrentPhase.Criteria, $"Following: {Describe(followed)}{asked}"));
    }

    private static string Describe(Rollout rollout) =>
        $"{rollout.Service} {rollout.CandidateVersion} — {rollout.CurrentPhase.Name} {rollout.CanaryWeightPercent} %";
}
