namespace Dashboard.Web.Features.Checkpoints;

/// <summary>
/// A person's decision at a checkpoint, as the form and <c>POST …/decision</c> send it. Strings rather
/// than an enum so that a wrong decision is reported beside every other problem, not as a parse error.
/// </summary>
/// <param name="Decision">Continue, MonitorClosely, ReduceTraffic or Abort.</param>
/// <param name="Notes">Why; required.</param>
/// <param name="ActionItems">Follow-ups, each with text and owner; may be empty.</param>
/// <remarks>Who decides is the signed-in caller, never a field of the request.</remarks>
public sealed record CheckpointDecisionRequest(string? Decision, string? Notes, IReadOnlyList<CheckpointActionItem>? ActionItems);
