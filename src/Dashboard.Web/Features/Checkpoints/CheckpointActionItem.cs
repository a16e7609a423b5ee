namespace Dashboard.Web.Features.Checkpoints;

/// <summary>A follow-up agreed at a checkpoint: what, who owns it, and by when (optional).</summary>
public sealed record CheckpointActionItem(string? Text, string? Owner, DateOnly? Due);
