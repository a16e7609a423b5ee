namespace Dashboard.Web.Features.ShiftReview;

/// <summary>
/// A checkpoint of a running phase due in the next shift: its planned offset in words (<see cref="Checkpoint"/>, e.g.
/// "1h") and when its window ends (<see cref="DueAt"/>, phase start + scaled offset; it is evaluated a few seconds later).
/// </summary>
public sealed record DueCheckpoint(Guid RolloutId, string Rollout, string Phase, string Checkpoint, DateTimeOffset DueAt, string Href);
