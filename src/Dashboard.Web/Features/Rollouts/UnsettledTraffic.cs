using Dashboard.Core.Rollouts;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>What <see cref="RolloutService.FinishUnsettledTrafficAsync"/> found.</summary>
/// <param name="Finished">The change it handed to the router and settled; null when it settled none.</param>
/// <param name="DueAt">When the unsettled change it left alone (still possibly in flight) is due to be finished; null when there is none.</param>
public sealed record UnsettledTraffic(TrafficChange? Finished, DateTimeOffset? DueAt)
{
    public static UnsettledTraffic None { get; } = new(null, null);
}
