namespace Dashboard.Web.Features.Rollouts.Components;

/// <summary>What a person confirmed in an action dialog.</summary>
public sealed record ActionInput(string ActorName, string Reason, int? Percent);
