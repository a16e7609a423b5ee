namespace Dashboard.Web.Features.Checkpoints;

/// <summary>Who re-runs a checkpoint's evaluation, and why (both required: the re-run is audited).</summary>
public sealed record CheckpointRerunRequest(string? Actor, string? Reason);
