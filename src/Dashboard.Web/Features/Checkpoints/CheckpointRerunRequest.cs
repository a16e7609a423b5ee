namespace Dashboard.Web.Features.Checkpoints;

/// <summary>Why a checkpoint's evaluation is re-run (required: the re-run is audited under the signed-in caller).</summary>
public sealed record CheckpointRerunRequest(string? Reason);
