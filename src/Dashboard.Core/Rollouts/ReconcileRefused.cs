namespace Dashboard.Core.Rollouts;

/// <summary>There is nothing to reconcile: the rollout never applied a weight, or the router already runs the recorded one (REST: 409).</summary>
public sealed record ReconcileRefused(string Problem) : RolloutRejection(Problem);
