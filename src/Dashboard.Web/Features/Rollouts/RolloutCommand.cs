using Dashboard.Core.Rollouts;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Access;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>
/// One request to act on a rollout, whoever sends it: the rollout page, the REST API or automation.
/// </summary>
/// <param name="Action">What to do.</param>
/// <param name="Actor">Who asks; checked by <see cref="AccessAuthorization"/>.</param>
/// <param name="Reason">Why; every action requires one.</param>
/// <param name="Source">Where the request came from; stored on the traffic changes it causes.</param>
/// <param name="Percent">The canary's new share for <see cref="RolloutAction.ChangeTraffic"/>; ignored otherwise.</param>
public sealed record RolloutCommand(RolloutAction Action, Actor Actor, string? Reason, TrafficChangeSource Source, int? Percent = null);
