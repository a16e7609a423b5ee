namespace Dashboard.Web.Features.Rollouts;

/// <summary>The answer to a rollout command: the rollout after it, and the traffic changes it made (each Applied, or Failed with the router's words).</summary>
public sealed record RolloutCommandResponse(RolloutView Rollout, IReadOnlyList<TrafficChangeView> TrafficChanges);
