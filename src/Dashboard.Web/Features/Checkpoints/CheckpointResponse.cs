namespace Dashboard.Web.Features.Checkpoints;

/// <summary>What <c>GET /api/rollouts/{id}/checkpoints/{phaseIndex}/{offsetSeconds}</c> answers.</summary>
public sealed record CheckpointResponse(CheckpointVerdictView Verdict, IReadOnlyList<CheckpointDecisionView> Decisions);
