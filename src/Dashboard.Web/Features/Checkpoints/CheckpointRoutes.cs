using System.Globalization;
using Dashboard.Web.Features.Rollouts;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// Where a checkpoint lives: <c>/rollouts/{id}/checkpoints/{phaseIndex}/{offsetSeconds}</c> for
/// people, the same under <c>/api</c> for clients. The offset is the plan's (unscaled) offset in
/// whole seconds — the same number the verdict is stored under — so a link stays valid whatever
/// the time scale; the latest run of the phase is meant.
/// </summary>
public static class CheckpointRoutes
{
    public static string Page(Guid rolloutId, int phaseIndex, long offsetSeconds) =>
        string.Create(CultureInfo.InvariantCulture, $"/rollouts/{rolloutId}/checkpoints/{phaseIndex}/{offsetSeconds}");

    public static string Api(Guid rolloutId, int phaseIndex, long offsetSeconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{RolloutEndpoints.RolloutsPath}/{rolloutId}/checkpoints/{phaseIndex}/{offsetSeconds}");
}
