using System.Globalization;
using Quartz;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// Names of the Quartz jobs of checkpoints: one group per rollout, one job per checkpoint of a
/// phase run — so a retried phase (new start) gets new jobs and the old ones can be told apart.
/// </summary>
public static class CheckpointKeys
{
    public const string RolloutId = "rolloutId";
    public const string PhaseIndex = "phaseIndex";
    public const string PhaseStartedAt = "phaseStartedAt";
    public const string OffsetSeconds = "offsetSeconds";

    public static string Group(Guid rolloutId) => $"checkpoints-{rolloutId:N}";

    public static JobKey Job(Guid rolloutId, int phaseIndex, DateTimeOffset phaseStartedAt, TimeSpan offset) =>
        new(string.Create(CultureInfo.InvariantCulture, $"p{phaseIndex}-{phaseStartedAt.ToUnixTimeMilliseconds()}-{(long)offset.TotalSeconds}s"), Group(rolloutId));
}
