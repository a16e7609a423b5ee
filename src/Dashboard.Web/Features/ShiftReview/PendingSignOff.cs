namespace Dashboard.Web.Features.ShiftReview;

/// <summary>A gate waiting for people: the roles whose GO is still missing and those that said NO-GO.</summary>
public sealed record PendingSignOff(Guid RolloutId, string Rollout, string Phase, IReadOnlyList<string> Missing, IReadOnlyList<string> SaidNoGo, string Href);
