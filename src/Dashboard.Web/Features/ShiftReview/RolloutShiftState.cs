namespace Dashboard.Web.Features.ShiftReview;

/// <summary>One rollout at the start and at the end of a window; <see cref="AtStart"/> is null when it was created inside it.</summary>
public sealed record RolloutShiftState(Guid RolloutId, string Rollout, RolloutStateInWords? AtStart, RolloutStateInWords AtEnd);
