namespace Dashboard.Web.Features.ShiftReview;

/// <summary>An action item agreed at a checkpoint decision of a rollout that is not finished.</summary>
public sealed record OpenActionItem(Guid RolloutId, string Rollout, string Text, string Owner, DateOnly? Due, DateTimeOffset AgreedAt, string Href);
