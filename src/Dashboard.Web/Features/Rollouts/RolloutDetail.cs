using Dashboard.Core.Plans;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>What the rollout page shows: the rollout, the plan it runs (criteria, checkpoints, gates) and every traffic change, oldest first.</summary>
public sealed record RolloutDetail(RolloutView Rollout, RolloutPlan Plan, IReadOnlyList<TrafficChangeView> TrafficChanges);
